import 'reflect-metadata';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import type { ApiConfig } from '@rowan/adapters/config/config';
import type { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { createValidationPipe } from './http/validation.pipe';
import { createMetrics } from './metrics/metrics';
import { buildOpenApiDocument } from './openapi/openapi';
import { FixedWindowCounter } from './http/rate-limit/fixed-window.counter';
import { mountQueueDashboard } from './ops/queue-dashboard';
import { createRedisClient } from './redis.provider';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface ApiAppOptions {
  /** Where logs go (standard output unless given; the tests capture them). */
  readonly logStream?: DestinationStream;
}

/** Builds the whole API (used by main.ts, the end-to-end tests and the OpenAPI writer). Not yet listening. */
export async function createApiApp(
  config: ApiConfig,
  options: ApiAppOptions = {},
): Promise<NestFastifyApplication> {
  const redis = createRedisClient(config.REDIS_URL);
  const metrics = createMetrics();
  const adapter = new FastifyAdapter({
    trustProxy: true,
    // Directory uploads carry a school's CSV files (a 2,000-pupil school's are about 1 MB); 25 MB allows for
    // the largest schools.
    bodyLimit: 25 * 1_048_576,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, redis, metrics: metrics.registry, logStream: options.logStream }),
    adapter,
    {
      bufferLogs: true,
      rawBody: true,
    },
  );
  app.useLogger(app.get(Logger));
  app.enableCors({
    origin: [config.WEB_ORIGIN],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    // Retry-After is not CORS-safelisted: without this the web app could not read how long to wait after a 429.
    exposedHeaders: ['x-request-id', 'content-disposition', 'retry-after'],
    maxAge: 600,
  });
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Errors raised by Fastify itself or its plugins (bad JSON, body too large, rate limit) get the same problem+json.
  metrics.instrument(fastify);

  // Twilio posts callbacks form-encoded (Nest's Fastify adapter reads those); SNS posts SES events as JSON
  // labelled text/plain.
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  // The API answers JSON; its only pages are the docs (/api/docs) and the queue dashboard (/ops/queues), whose
  // scripts are all files of their own (no inline script). Swagger UI needs inline styles. Helmet adds
  // object-src 'none', base-uri 'self', form-action 'self' and script-src-attr 'none'.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    redis,
    // Fail open: a Redis outage must not take the API down with it (readiness reports it).
    skipOnError: true,
    nameSpace: `${config.REDIS_PREFIX}:ratelimit:`,
    // Provider callbacks come in bursts from few addresses, and are authenticated per request.
    allowList: (request) =>
      request.url.startsWith('/health') ||
      request.url === '/metrics' ||
      request.url.startsWith('/api/v1/webhooks/'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`,
    }),
  });

  const document = buildOpenApiDocument(app, `http://${config.API_HOST}:${config.API_PORT}`);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });

  await mountQueueDashboard(
    app,
    Object.values(QUEUES).map((name) => app.get<Queue>(getQueueToken(name))),
    {
      user: config.OPS_DASHBOARD_USER,
      password: config.OPS_DASHBOARD_PASSWORD,
    },
    { counter: app.get(FixedWindowCounter), perMinute: config.RATE_LIMIT_ACCOUNTS_PER_MINUTE },
  );

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      redis.disconnect();
    });
  await app.init();
  await fastify.ready();
  return app;
}
