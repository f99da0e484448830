import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const url = { require_tld: false, require_protocol: true };
/** Whole numbers become numbers; anything else stays as given, so the error shows what was set. */
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const PORT = { message: 'a TCP port number (0 to 65535)' };

/** Settings every process needs. Each property is an environment variable; `.env.example` documents them all. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'a mysql:// URL with a database name, e.g. mysql://root:@127.0.0.1:3306/rowan',
  })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL!: string;

  @Matches(/^[a-z0-9_-]+$/, { message: 'a short key prefix of lower-case letters, digits, - or _' })
  REDIS_PREFIX = 'rowan';

  @IsUrl(url, { message: 'the FusionAuth base URL, e.g. http://127.0.0.1:4010' })
  FUSIONAUTH_URL!: string;

  @IsString()
  @MinLength(8, { message: 'a FusionAuth API key (8 characters or more)' })
  FUSIONAUTH_API_KEY!: string;

  @IsOptional()
  @IsString()
  FUSIONAUTH_TENANT_ID?: string;

  @Matches(/^[0-9a-f-]{36}$/, {
    message: 'the FusionAuth application id (a UUID); also the tokens\u2019 audience',
  })
  OIDC_AUDIENCE!: string;

  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'a 32-byte key in base64 that seals MIS tokens at rest (openssl rand -base64 32)',
  })
  MIS_TOKEN_KEY!: string;
}

export class ApiConfig extends BaseConfig {
  @IsString()
  API_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt(PORT)
  @Min(0, PORT)
  @Max(65535, PORT)
  API_PORT = 3000;

  @IsUrl(url, { message: 'the origin of the web app, e.g. http://127.0.0.1:5173' })
  WEB_ORIGIN!: string;

  @IsUrl(url, { message: 'the token issuer URL exactly as in the tokens\u2019 iss claim' })
  OIDC_ISSUER!: string;

  @IsOptional()
  @IsUrl(url, { message: 'the JWKS URL (defaults to OIDC_ISSUER/.well-known/jwks.json)' })
  OIDC_JWKS_URL?: string;

  @IsString()
  @MinLength(3, { message: 'the operators\u2019 user name for the queue dashboard' })
  OPS_DASHBOARD_USER!: string;

  @IsString()
  @MinLength(12, { message: 'a password of 12 characters or more for the queue dashboard' })
  OPS_DASHBOARD_PASSWORD!: string;

  @Transform(toInt)
  @IsInt({ message: 'requests per minute per client, a whole number' })
  @Min(1, { message: 'requests per minute per client, a whole number' })
  RATE_LIMIT_PER_MINUTE = 600;
}

export class WorkerConfig extends BaseConfig {
  @Transform(toInt)
  @IsInt({ message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  @Min(1, { message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  @Max(100, { message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  WORKER_CONCURRENCY = 5;
}

export class ConfigurationError extends Error {}

/** Reads and validates configuration; the first problem names the variable and what it expects. */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(cls, present, { exposeDefaultValues: true });
  const [first] = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  if (first) {
    const expected = Object.values(first.constraints ?? {})[0] ?? 'a valid value';
    const given =
      first.value === undefined ? 'it is not set' : `got ${JSON.stringify(String(first.value)).slice(0, 60)}`;
    throw new ConfigurationError(
      `Configuration error: ${first.property} must be ${expected.replace(/^\S+ must be /, '')} (${given})`,
    );
  }
  return config;
}
