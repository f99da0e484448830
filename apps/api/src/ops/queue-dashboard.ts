import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import fastifyBasicAuth from '@fastify/basic-auth';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { FixedWindowCounter } from '../http/rate-limit/fixed-window.counter';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';

const MINUTE_MS = 60_000;

/**
 * bull-board for operators, behind HTTP basic auth (OPS_DASHBOARD_USER / OPS_DASHBOARD_PASSWORD). Wrong
 * passwords are counted per address: past `failuresPerMinute`, every attempt (a right one too) answers 429
 * with Retry-After until the minute is over, so the password cannot be guessed at the API-wide rate.
 */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  queues: readonly Queue[],
  credentials: { user: string; password: string },
  failures: { counter: FixedWindowCounter; perMinute: number },
): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyBasicAuth, {
      authenticate: { realm: 'Rowan operations' },
      validate: async (user: string, password: string, request: FastifyRequest, reply: FastifyReply) => {
        const key = `accounts:ops-dashboard:ip:${request.ip}`;
        const seen = await failures.counter.peek(key);
        if (seen && seen.count >= failures.perMinute) {
          const seconds = Math.max(1, Math.ceil(seen.msLeft / 1000));
          reply.header('retry-after', String(seconds));
          throw Object.assign(new Error(`Too many failed sign-ins: try again in ${seconds} s.`), {
            statusCode: 429,
          });
        }
        if (!(same(user, credentials.user) && same(password, credentials.password))) {
          await failures.counter.hit(key, MINUTE_MS);
          throw new Error('Operators only');
        }
      },
    });
    scope.addHook('onRequest', scope.basicAuth);
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
