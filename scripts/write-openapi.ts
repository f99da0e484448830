import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi/openapi';
import { ApiConfig } from '@rowan/adapters/config/config';
import { Registry } from 'prom-client';
import type { RedisClient } from '../apps/api/src/redis.provider';

/**
 * `npm run gen:api`: writes apps/api/openapi.json from the controllers, without a database or Redis
 * (Nest's preview mode scans the modules but instantiates nothing). CI regenerates it and fails on a difference.
 */
async function main(): Promise<void> {
  const config = Object.assign(new ApiConfig(), {
    DATABASE_URL: 'mysql://unused:@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    FUSIONAUTH_URL: 'http://127.0.0.1:1',
    FUSIONAUTH_API_KEY: 'unused-key',
    OIDC_AUDIENCE: '00000000-0000-0000-0000-000000000000',
    OIDC_ISSUER: 'http://127.0.0.1:1',
    WEB_ORIGIN: 'http://127.0.0.1:1',
    MIS_TOKEN_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await NestFactory.create(
    AppModule.forRoot({ config, redis: undefined as unknown as RedisClient, metrics: new Registry() }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const document = buildOpenApiDocument(app);
  const target = path.resolve(process.cwd(), 'apps/api/openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), target)} (${Object.keys(document.paths).length} paths)`);
  await app.close();
}

void main();
