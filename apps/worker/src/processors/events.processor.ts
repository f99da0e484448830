import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ExpireOfferUseCase, type ExpireOfferResult } from '@rowan/events';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

@Processor(QUEUES.events)
export class EventsProcessor extends WorkerHost {
  constructor(
    private readonly orm: MikroORM,
    private readonly expireOffer: ExpireOfferUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['expire-offer']>): Promise<ExpireOfferResult> {
    if (job.name !== 'expire-offer') {
      throw asJobFailure(new Error(`Unknown job ${job.name} on the events queue`));
    }
    try {
      return await inJobContext(this.orm, job.id ?? job.name, () =>
        this.expireOffer.execute({ bookingId: job.data.bookingId }),
      );
    } catch (error) {
      throw asJobFailure(error);
    }
  }
}
