import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import fastifyBasicAuth from '@fastify/basic-auth';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';

export const QUEUE_DASHBOARD_PATH = '/ops/queues';

/** bull-board for operators, behind HTTP basic auth (OPS_DASHBOARD_USER / OPS_DASHBOARD_PASSWORD). */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  queues: readonly Queue[],
  credentials: { user: string; password: string },
): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyBasicAuth, {
      authenticate: { realm: 'Rowan operations' },
      validate: async (user: string, password: string) => {
        if (!(same(user, credentials.user) && same(password, credentials.password))) {
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
