import type { Options } from 'pino-http';
import {
  AWS_CREDENTIAL_VARIABLES,
  SECRET_SETTINGS,
  URLS_WITH_CREDENTIALS,
  urlPassword,
  type BaseConfig,
} from '../config/config';

export const REDACTED = '[Redacted]';

/**
 * Request headers that carry credentials or signatures: bearer tokens and basic auth (SES's SNS callbacks),
 * cookies, and the providers' webhook signatures. `Idempotency-Key` is not a secret and stays.
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["stripe-signature"]',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
];

/** Query parameters whose values are credentials (OAuth codes and tokens, signed-link tokens). */
const SECRET_PARAMETER = /^(code|state|key|api_?key|sig|signature|password|secret|client_secret)$|token$/i;
const SHORTEST_SECRET = 8;

/**
 * pino-http options for every Rowan process: credentials redacted from request logs, and every configured
 * secret value (and the AWS SDK's) scrubbed from every line, whatever logged it (an error, a vendor message).
 */
export function logOptions(config: BaseConfig, env: NodeJS.ProcessEnv = process.env): Options {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      req: (req: { url?: string; query?: Record<string, unknown> }) => {
        if (typeof req.url === 'string') {
          req.url = withoutSecretParameters(req.url);
        }
        if (req.query && typeof req.query === 'object') {
          req.query = Object.fromEntries(
            Object.entries(req.query).map(([k, v]) => [k, SECRET_PARAMETER.test(k) ? REDACTED : v]),
          );
        }
        return req;
      },
    },
    hooks: { streamWrite: scrubber(secretValues(config, env)) },
  };
}

/** `/x?token=abc&page=2` → `/x?token=[Redacted]&page=2`. */
export function withoutSecretParameters(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) {
    return url;
  }
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeSafely(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && SECRET_PARAMETER.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

/** The values no log line may contain: the secret settings, URL passwords and AWS credentials. */
export function secretValues(config: BaseConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  const settings = config as unknown as Record<string, unknown>;
  const values = [
    ...SECRET_SETTINGS.map((name) => settings[name]),
    ...URLS_WITH_CREDENTIALS.map((name) => {
      const url = settings[name];
      return typeof url === 'string' ? urlPassword(url) : undefined;
    }),
    ...AWS_CREDENTIAL_VARIABLES.map((name) => env[name]),
  ];
  return [
    ...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= SHORTEST_SECRET)),
  ];
}

/** Replaces each secret, as written and as JSON escapes it, in a serialised log line. */
export function scrubber(secrets: readonly string[]): (line: string) => string {
  const forms = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  if (forms.length === 0) {
    return (line) => line;
  }
  return (line) => {
    let out = line;
    for (const form of forms) {
      if (out.includes(form)) {
        out = out.split(form).join(REDACTED);
      }
    }
    return out;
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
