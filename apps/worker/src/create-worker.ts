import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { WorkerConfig } from '@rowan/adapters/config/config';
import type { Clock } from '@rowan/kernel';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The worker: a Nest application context running BullMQ processors and scheduled jobs. Closing it closes the
 * BullMQ workers, which stop taking jobs and wait for the running ones to finish (main.ts closes it on SIGTERM).
 */
export async function createWorker(
  config: WorkerConfig,
  /** `clock`: tests control time (scheduled messages, fallback delays). */
  options: { schedules?: boolean; clock?: Clock } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
