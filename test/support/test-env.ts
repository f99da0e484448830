/** Settings shared by every test process of one run (written by global-setup into process.env). */
export const TEST_APPLICATION_ID = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
export const TEST_TENANT_ID = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
export const TEST_API_KEY = 'sandbox-api-key';
export const TEST_WEB_ORIGIN = 'http://127.0.0.1:5173';
export const TEST_MIS_TOKEN_KEY = 'dGVzdC1vbmx5LW1pcy10b2tlbi1rZXktMzItYnl0ZXM=';
export const TEST_TWILIO = {
  accountSid: 'AC0000000000000000000000000000beef',
  authToken: 'test-twilio-auth-token',
};
export const TEST_STRIPE = { secretKey: 'sk_test_rowan', webhookSecret: 'whsec_rowantest' };
export const TEST_SES_EVENTS = { username: 'ses-events', password: 'test-ses-events-password' };

/** Messaging settings every process needs; the stand-ins' URLs are added by the tests that run them. */
export function messagingSettings(): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
    SES_EVENTS_USERNAME: TEST_SES_EVENTS.username,
    SES_EVENTS_PASSWORD: TEST_SES_EVENTS.password,
    STRIPE_SECRET_KEY: TEST_STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: TEST_STRIPE.webhookSecret,
  };
}

export function adminDatabaseUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306';
}

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.ROWAN_TEST_RUN) {
    throw new Error('Run tests through `npm test` (jest globalSetup creates the run’s database)');
  }
  return url;
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export function testRedisPrefix(): string {
  return process.env.REDIS_PREFIX ?? 'rowan-test';
}
