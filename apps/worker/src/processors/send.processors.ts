import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { SendDeliveriesUseCase, type SendBatchResult } from '@rowan/communications';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

/**
 * Provider sends, one queue per provider, a batch of deliveries a job. Their rate limits are global (set on the
 * queues by SendRateLimits, in jobs of a known batch size), so they hold across every worker process.
 */
// @Injectable gives the shared constructor its parameter types, which both subclasses inherit.
@Injectable()
abstract class SendProcessor extends WorkerHost {
  private readonly logger = new Logger('SendProcessor');

  constructor(
    private readonly orm: MikroORM,
    private readonly sendDeliveries: SendDeliveriesUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['send-deliveries']>): Promise<SendBatchResult> {
    try {
      return await inJobContext(this.orm, job.id ?? job.name, () =>
        this.sendDeliveries.execute({ deliveryIds: job.data.deliveryIds }),
      );
    } catch (error) {
      this.logger.warn(
        `send job ${job.id} of ${job.data.deliveryIds.length} (attempt ${job.attemptsMade + 1}): ${String(error)}`,
      );
      throw asJobFailure(error);
    }
  }
}

/**
 * A batch takes seconds, so its lock can be short: a worker that dies mid-send has its jobs found stalled and
 * run again within about 30 s (BullMQ's defaults are 30 s each), and those take over the deliveries once their
 * claims expire (SEND_CLAIM_EXPIRY_SECONDS).
 */
const SEND_WORKER = { concurrency: 20, lockDuration: 15_000, stalledInterval: 15_000 } as const;

@Processor(QUEUES.sms, SEND_WORKER)
export class SmsSendProcessor extends SendProcessor {}

@Processor(QUEUES.email, SEND_WORKER)
export class EmailSendProcessor extends SendProcessor {}
