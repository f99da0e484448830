import { MikroORM } from '@mikro-orm/mysql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiConfig, loadConfig } from '@rowan/adapters/config/config';
import { startIdentityStandIn, type IdentityStandIn, type MintTokenOptions } from '@rowan/sandbox';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { Factories } from './factories';
import {
  TEST_MIS_TOKEN_KEY,
  messagingSettings,
  TEST_API_KEY,
  TEST_APPLICATION_ID,
  TEST_TENANT_ID,
  TEST_WEB_ORIGIN,
  testDatabaseUrl,
  testRedisPrefix,
  testRedisUrl,
} from './test-env';

export interface ApiStack {
  readonly app: NestFastifyApplication;
  readonly identity: IdentityStandIn;
  readonly config: ApiConfig;
  readonly orm: MikroORM;
  readonly make: Factories;
  /** supertest against the real app (no port needed). */
  http(): ReturnType<typeof request>;
  /** A token from the sandbox issuer: MFA on unless asked otherwise. */
  token(options: MintTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export function apiSettings(
  identity: IdentityStandIn,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: testRedisUrl(),
    // One prefix per stack (the API and its worker share it), so no test file takes another's jobs.
    REDIS_PREFIX: `${testRedisPrefix()}-${identity.port}`,
    FUSIONAUTH_URL: identity.issuer,
    FUSIONAUTH_API_KEY: TEST_API_KEY,
    FUSIONAUTH_TENANT_ID: TEST_TENANT_ID,
    OIDC_AUDIENCE: TEST_APPLICATION_ID,
    OIDC_ISSUER: identity.issuer,
    WEB_ORIGIN: TEST_WEB_ORIGIN,
    OPS_DASHBOARD_USER: 'ops',
    OPS_DASHBOARD_PASSWORD: 'operators-only-password',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Test files make many bookings and invitations as one user; the limits' own test sets them low.
    RATE_LIMIT_BOOKING_PER_MINUTE: '100000',
    RATE_LIMIT_ACCOUNTS_PER_MINUTE: '100000',
    MIS_TOKEN_KEY: TEST_MIS_TOKEN_KEY,
    ...messagingSettings(),
    ...overrides,
  };
}

/** The real API (Fastify, MySQL, Redis) with the sandbox identity provider, in this test process. */
export async function startApiStack(
  overrides: Record<string, string> = {},
  options: { webOrigin?: string; listen?: boolean; port?: number; logStream?: DestinationStream } = {},
): Promise<ApiStack> {
  const webOrigin = options.webOrigin ?? TEST_WEB_ORIGIN;
  const identity = await startIdentityStandIn({
    applicationId: TEST_APPLICATION_ID,
    tenantId: TEST_TENANT_ID,
    apiKey: TEST_API_KEY,
    webOrigin,
  });
  const config = loadConfig(ApiConfig, apiSettings(identity, { WEB_ORIGIN: webOrigin, ...overrides }));
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  try {
    app = await createApiApp(config, { logStream: options.logStream });
    if (options.listen) {
      await app.listen(options.port ?? 0, '127.0.0.1');
    }
  } catch (error) {
    // Whatever started must stop, or the test run never ends.
    await app?.close();
    await identity.close();
    throw error;
  }
  const orm: MikroORM = app.get(MikroORM);
  return {
    app,
    identity,
    config,
    orm,
    make: new Factories(orm),
    http: () => request(app.getHttpServer()),
    token: (options) => identity.mintToken(options),
    close: async () => {
      await app.close();
      await identity.close();
    },
  };
}
