import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import {
  ExpireEveningHoldUseCase,
  ExpireOfferUseCase,
  ExpirePaymentHoldUseCase,
  type ExpireHoldResult,
  type ExpireOfferResult,
  type ExpirePaymentHoldResult,
} from '@rowan/events';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

type EventsJob =
  | (Job<JobPayloads['expire-offer']> & { name: 'expire-offer' })
  | (Job<JobPayloads['expire-hold']> & { name: 'expire-hold' })
  | (Job<JobPayloads['expire-payment-hold']> & { name: 'expire-payment-hold' });

type EventsResult = ExpireOfferResult | ExpireHoldResult | ExpirePaymentHoldResult;

@Processor(QUEUES.events)
export class EventsProcessor extends WorkerHost {
  constructor(
    private readonly orm: MikroORM,
    private readonly expireOffer: ExpireOfferUseCase,
    private readonly expireHold: ExpireEveningHoldUseCase,
    private readonly expirePaymentHold: ExpirePaymentHoldUseCase,
  ) {
    super();
  }

  async process(job: EventsJob): Promise<EventsResult> {
    try {
      return await inJobContext(this.orm, job.id ?? job.name, () => this.run(job));
    } catch (error) {
      throw asJobFailure(error);
    }
  }

  private run(job: EventsJob): Promise<EventsResult> {
    switch (job.name) {
      case 'expire-offer':
        return this.expireOffer.execute({ bookingId: job.data.bookingId });
      case 'expire-hold':
        return this.expireHold.execute(job.data);
      case 'expire-payment-hold':
        return this.expirePaymentHold.execute({ bookingId: job.data.bookingId });
      default:
        throw new Error(`Unknown job ${(job as Job).name} on the events queue`);
    }
  }
}
