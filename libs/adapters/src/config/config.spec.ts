import { ApiConfig, ConfigurationError, loadConfig, WorkerConfig } from './config';

const valid = {
  DATABASE_URL: 'mysql://root:@127.0.0.1:3306/rowan',
  REDIS_URL: 'redis://127.0.0.1:6379',
  FUSIONAUTH_URL: 'http://127.0.0.1:4010',
  FUSIONAUTH_API_KEY: 'sandbox-api-key',
  OIDC_AUDIENCE: '3c219e58-ed0e-4b18-ad48-f4f92793ae32',
  OIDC_ISSUER: 'http://127.0.0.1:4010',
  WEB_ORIGIN: 'http://127.0.0.1:5173',
  OPS_DASHBOARD_USER: 'ops',
  OPS_DASHBOARD_PASSWORD: 'a-long-enough-password',
  MIS_TOKEN_KEY: 'dGVzdC1vbmx5LW1pcy10b2tlbi1rZXktMzItYnl0ZXM=',
  TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000beef',
  TWILIO_AUTH_TOKEN: 'a-twilio-auth-token',
  SES_EVENTS_PASSWORD: 'a-long-ses-events-password',
  STRIPE_SECRET_KEY: 'sk_test_config',
  STRIPE_WEBHOOK_SECRET: 'whsec_config',
};

describe('loadConfig', () => {
  it('reads valid settings and applies defaults', () => {
    const config = loadConfig(ApiConfig, { ...valid, API_PORT: '3100' });
    expect(config.API_PORT).toBe(3100);
    expect(config.REDIS_PREFIX).toBe('rowan');
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(config.TWILIO_API_URL).toBeUndefined();
    expect(config.SES_ENDPOINT).toBeUndefined();
  });

  it('refuses a Twilio account SID that is not one', () => {
    expect(() => loadConfig(ApiConfig, { ...valid, TWILIO_ACCOUNT_SID: 'AC123' })).toThrow(
      'Configuration error: TWILIO_ACCOUNT_SID must be a Twilio account SID (AC followed by 32 hex digits) (got "AC123")',
    );
  });

  it('names a missing variable and what it expects', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => loadConfig(ApiConfig, rest)).toThrow(
      new ConfigurationError(
        'Configuration error: DATABASE_URL must be a mysql:// URL with a database name, e.g. mysql://root:@127.0.0.1:3306/rowan (it is not set)',
      ),
    );
  });

  it('names a malformed variable and shows the bad value', () => {
    expect(() => loadConfig(WorkerConfig, { ...valid, WORKER_CONCURRENCY: 'lots' })).toThrow(
      /^Configuration error: WORKER_CONCURRENCY must be how many jobs a queue runs at once, a whole number from 1 to 100 \(got "lots"\)$/,
    );
  });

  it('never shows a secret’s value in an error, only its length', () => {
    const secret = 'sk_live_51Hx-not-a-valid-key';
    expect(() => loadConfig(ApiConfig, { ...valid, STRIPE_SECRET_KEY: secret })).toThrow(
      'Configuration error: STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…) (got a value of 28 characters, not shown)',
    );
    let message = '';
    try {
      loadConfig(ApiConfig, { ...valid, OPS_DASHBOARD_PASSWORD: 'short-pw' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Configuration error: OPS_DASHBOARD_PASSWORD/);
    expect(message).not.toContain('short-pw');
  });

  it('shows a malformed URL without its password', () => {
    expect(() =>
      loadConfig(ApiConfig, { ...valid, DATABASE_URL: 'mysql://rowan:hunter2-secret@db.internal:3306' }),
    ).toThrow('(got "mysql://rowan:***@db.internal:3306")');
  });
});
