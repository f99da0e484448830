import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { SendDeliveryUseCase, type SendResult } from '@rowan/communications';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

/**
 * Provider sends, one queue per provider. Their rate limits are global (set on the queues by SendRateLimits),
 * so they hold across every worker process.
 */
// @Injectable gives the shared constructor its parameter types, which both subclasses inherit.
@Injectable()
abstract class SendProcessor extends WorkerHost {
  private readonly logger = new Logger('SendProcessor');

  constructor(
    private readonly orm: MikroORM,
    private readonly sendDelivery: SendDeliveryUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['send-delivery']>): Promise<SendResult> {
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () =>
        this.sendDelivery.execute({ deliveryId: job.data.deliveryId }),
      );
      return result;
    } catch (error) {
      this.logger.warn(`send ${job.data.deliveryId} (attempt ${job.attemptsMade + 1}): ${String(error)}`);
      throw asJobFailure(error);
    }
  }
}

@Processor(QUEUES.sms, { concurrency: 20 })
export class SmsSendProcessor extends SendProcessor {}

@Processor(QUEUES.email, { concurrency: 20 })
export class EmailSendProcessor extends SendProcessor {}
