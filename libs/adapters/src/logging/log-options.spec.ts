import pino from 'pino';
import { ApiConfig, loadConfig } from '../config/config';
import { logOptions, REDACTED, secretValues, withoutSecretParameters } from './log-options';

const config = loadConfig(ApiConfig, {
  DATABASE_URL: 'mysql://rowan:db-password-1234@127.0.0.1:3306/rowan',
  REDIS_URL: 'redis://127.0.0.1:6379',
  FUSIONAUTH_URL: 'http://127.0.0.1:4010',
  FUSIONAUTH_API_KEY: 'fusionauth-api-key-1234',
  OIDC_AUDIENCE: '3c219e58-ed0e-4b18-ad48-f4f92793ae32',
  OIDC_ISSUER: 'http://127.0.0.1:4010',
  WEB_ORIGIN: 'http://127.0.0.1:5173',
  OPS_DASHBOARD_USER: 'ops',
  OPS_DASHBOARD_PASSWORD: 'ops-password-1234',
  MIS_TOKEN_KEY: 'dGVzdC1vbmx5LW1pcy10b2tlbi1rZXktMzItYnl0ZXM=',
  TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000beef',
  TWILIO_AUTH_TOKEN: 'twilio-"auth"-token',
  SES_EVENTS_PASSWORD: 'ses-events-password-1234',
  STRIPE_SECRET_KEY: 'sk_live_abcdefgh1234',
  STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh1234',
});

describe('log options', () => {
  it('knows every configured secret, URL passwords and the AWS SDK’s credentials', () => {
    expect(secretValues(config, { AWS_SECRET_ACCESS_KEY: 'aws-secret-access-key-1234' }).sort()).toEqual(
      [
        'fusionauth-api-key-1234',
        'dGVzdC1vbmx5LW1pcy10b2tlbi1rZXktMzItYnl0ZXM=',
        'twilio-"auth"-token',
        'ses-events-password-1234',
        'sk_live_abcdefgh1234',
        'whsec_abcdefgh1234',
        'ops-password-1234',
        'db-password-1234',
        'aws-secret-access-key-1234',
      ].sort(),
    );
  });

  it('scrubs them from any line, whatever logged them, JSON-escaped too', () => {
    const lines: string[] = [];
    const logger = pino(logOptions(config, {}), { write: (line: string) => void lines.push(line) });
    const error = new Error('Stripe refused sk_live_abcdefgh1234');
    logger.error({ err: error, twilio: config.TWILIO_AUTH_TOKEN, url: config.DATABASE_URL }, 'failed');
    const [line] = lines;
    expect(line).toContain(`Stripe refused ${REDACTED}`);
    expect(line).toContain(`mysql://rowan:${REDACTED}@127.0.0.1`);
    expect(line).not.toContain('abcdefgh1234');
    expect(line).not.toContain('auth\\"-token');
    expect(JSON.parse(line!).twilio).toBe(REDACTED);
  });

  it('masks credentials in query strings only', () => {
    expect(withoutSecretParameters('/a?token=t1&page=2&access_token=t2&id_token=t3&code=c&state=s')).toBe(
      '/a?token=[Redacted]&page=2&access_token=[Redacted]&id_token=[Redacted]&code=[Redacted]&state=[Redacted]',
    );
    expect(withoutSecretParameters('/a?cursor=abc&flag')).toBe('/a?cursor=abc&flag');
    expect(withoutSecretParameters('/a')).toBe('/a');
  });
});
