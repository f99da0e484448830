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

  @Transform(toInt)
  @IsInt({ message: 'database connections this process may open, a whole number from 2 to 200' })
  @Min(2, { message: 'database connections this process may open, a whole number from 2 to 200' })
  @Max(200, { message: 'database connections this process may open, a whole number from 2 to 200' })
  DATABASE_POOL_SIZE = 10;

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

  // ---- Messaging. `.env.example` points these at the local stand-ins (npm run demo). ----

  @IsUrl(url, { message: 'the API’s public origin, for provider callbacks, e.g. https://api.rowan.school' })
  PUBLIC_API_URL = 'http://127.0.0.1:3000';

  @Matches(/^AC[0-9a-f]{32}$/, { message: 'a Twilio account SID (AC followed by 32 hex digits)' })
  TWILIO_ACCOUNT_SID!: string;

  @IsString()
  @MinLength(8, { message: 'the Twilio auth token (8 characters or more)' })
  TWILIO_AUTH_TOKEN!: string;

  @IsOptional()
  @IsUrl(url, { message: 'a Twilio API base URL, only for a stand-in (unset for Twilio itself)' })
  TWILIO_API_URL?: string;

  @Matches(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, {
    message: 'an E.164 number or an alphanumeric sender id of up to 11 characters',
  })
  TWILIO_FROM = 'Rowan';

  @IsOptional()
  @Matches(/^MG[0-9a-f]{32}$/, { message: 'a Twilio messaging service SID (MG followed by 32 hex digits)' })
  TWILIO_MESSAGING_SERVICE_SID?: string;

  @Matches(/^[a-z]{2}-[a-z]+-\d$/, { message: 'an AWS region, e.g. eu-west-2' })
  SES_REGION = 'eu-west-2';

  @IsOptional()
  @IsUrl(url, { message: 'an SES endpoint URL, only for a stand-in (unset for AWS itself)' })
  SES_ENDPOINT?: string;

  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'the address email is sent from, verified in SES' })
  SES_FROM_ADDRESS = 'messages@rowan.test';

  @IsOptional()
  @IsString()
  SES_CONFIGURATION_SET?: string;

  @IsString()
  @MinLength(8, { message: 'the user name SES event notifications (SNS) sign in with' })
  SES_EVENTS_USERNAME = 'ses-events';

  @IsString()
  @MinLength(16, {
    message: 'the password SES event notifications (SNS) sign in with (16 characters or more)',
  })
  SES_EVENTS_PASSWORD!: string;

  // ---- Payments. `.env.example` points these at the local Stripe stand-in (npm run demo). ----

  @Matches(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, { message: 'a Stripe secret key (sk_test_… or sk_live_…)' })
  STRIPE_SECRET_KEY!: string;

  @Matches(/^whsec_[A-Za-z0-9]+$/, { message: 'the Stripe webhook endpoint’s signing secret (whsec_…)' })
  STRIPE_WEBHOOK_SECRET!: string;

  @IsOptional()
  @IsUrl(url, { message: 'a Stripe API base URL, only for a stand-in (unset for Stripe itself)' })
  STRIPE_API_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'seconds a place is held while the family pays, 60 to 86400' })
  @Min(60, { message: 'seconds a place is held while the family pays, 60 to 86400' })
  @Max(86_400, { message: 'seconds a place is held while the family pays, 60 to 86400' })
  PAYMENT_HOLD_SECONDS = 1_860;

  // The send rates are the API's concern too: it cuts fallbacks into batches the rate limits can take.
  @Transform(toInt)
  @IsInt({
    message: 'texts handed to Twilio per second, a whole number from 1 (keep under the sender’s limit)',
  })
  @Min(1, { message: 'texts handed to Twilio per second, a whole number from 1' })
  SMS_PER_SECOND = 8;

  @Transform(toInt)
  @IsInt({
    message: 'emails handed to SES per second, a whole number from 1 (keep under the account’s rate)',
  })
  @Min(1, { message: 'emails handed to SES per second, a whole number from 1' })
  EMAIL_PER_SECOND = 10;

  @Transform(toInt)
  @IsInt({ message: 'seconds after which a dead send attempt’s deliveries are taken over, 10 to 3600' })
  @Min(10, { message: 'seconds after which a dead send attempt’s deliveries are taken over, 10 to 3600' })
  @Max(3600, { message: 'seconds after which a dead send attempt’s deliveries are taken over, 10 to 3600' })
  SEND_CLAIM_EXPIRY_SECONDS = 120;

  @Transform(toInt)
  @IsInt({ message: 'seconds a waiting-list offer is kept, 1 to 1209600' })
  @Min(1, { message: 'seconds a waiting-list offer is kept, 1 to 1209600' })
  @Max(1_209_600, { message: 'seconds a waiting-list offer is kept, 1 to 1209600' })
  EVENT_OFFER_SECONDS = 86_400;

  @Transform(toInt)
  @IsInt({ message: 'milliseconds an audit record waits before it is sealed into its chain, 0 to 600000' })
  @Min(0, { message: 'milliseconds an audit record waits before it is sealed into its chain, 0 to 600000' })
  @Max(600_000, {
    message: 'milliseconds an audit record waits before it is sealed into its chain, 0 to 600000',
  })
  AUDIT_SEAL_GRACE_MS = 2_000;
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

  // Stricter limits per signed-in user (apps/api/src/http/rate-limit): enough for a family on a phone, not a script.
  @Transform(toInt)
  @IsInt({ message: 'booking changes per minute per user, a whole number' })
  @Min(1, { message: 'booking changes per minute per user, a whole number' })
  RATE_LIMIT_BOOKING_PER_MINUTE = 30;

  @Transform(toInt)
  @IsInt({ message: 'invitations and credential checks per minute per user, a whole number' })
  @Min(1, { message: 'invitations and credential checks per minute per user, a whole number' })
  RATE_LIMIT_ACCOUNTS_PER_MINUTE = 20;
}

export class WorkerConfig extends BaseConfig {
  @Transform(toInt)
  @IsInt({ message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  @Min(1, { message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  @Max(100, { message: 'how many jobs a queue runs at once, a whole number from 1 to 100' })
  WORKER_CONCURRENCY = 5;
}

export class ConfigurationError extends Error {}

/**
 * Settings that are credentials. Their values are never printed: a configuration error says only how long
 * the value was, and the log scrubber (libs/adapters/src/logging) removes them from every log line.
 */
export const SECRET_SETTINGS = [
  'FUSIONAUTH_API_KEY',
  'MIS_TOKEN_KEY',
  'TWILIO_AUTH_TOKEN',
  'SES_EVENTS_PASSWORD',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'OPS_DASHBOARD_PASSWORD',
] as const;

/** Settings that are URLs and may carry a password (`mysql://user:password@host/db`). */
export const URLS_WITH_CREDENTIALS = ['DATABASE_URL', 'REDIS_URL'] as const;

/** Credentials read by the AWS SDK (SES) from the environment rather than from our settings. */
export const AWS_CREDENTIAL_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

const USERINFO_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)([^@/]+)@/i;

/** The password in a URL's user-info, if it has one. */
export function urlPassword(value: string): string | undefined {
  return USERINFO_PASSWORD.exec(value)?.[2];
}

/** A setting's value as a configuration error may show it: secrets by length only, URLs without password. */
function shown(property: string, value: unknown): string {
  if (value === undefined) {
    return 'it is not set';
  }
  const text = String(value);
  if ((SECRET_SETTINGS as readonly string[]).includes(property)) {
    return `got a value of ${text.length} characters, not shown`;
  }
  const visible = (URLS_WITH_CREDENTIALS as readonly string[]).includes(property)
    ? text.replace(USERINFO_PASSWORD, '$1***@')
    : text;
  return `got ${JSON.stringify(visible).slice(0, 60)}`;
}

/** Reads and validates configuration; the first problem names the variable and what it expects. */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(cls, present, { exposeDefaultValues: true });
  const [first] = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  if (first) {
    const expected = Object.values(first.constraints ?? {})[0] ?? 'a valid value';
    const given = shown(first.property, first.value);
    throw new ConfigurationError(
      `Configuration error: ${first.property} must be ${expected.replace(/^\S+ must be /, '')} (${given})`,
    );
  }
  return config;
}
