import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EventJobs } from '@rowan/events';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, type JobPayloads } from './queues';

/** A re-check of a job that ran early waits at least this long, so a clock behind the queue's never spins. */
const RECHECK_MIN_DELAY_MS = 1_000;

@Injectable()
export class BullMqEventJobs extends EventJobs {
  constructor(
    @InjectQueue(QUEUES.events)
    private readonly queue: Queue<
      JobPayloads['expire-offer'] | JobPayloads['expire-hold'] | JobPayloads['expire-payment-hold']
    >,
  ) {
    super();
  }

  async expireOffer(bookingId: string, at: Date): Promise<void> {
    await this.queue.add(
      'expire-offer',
      { bookingId },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: jobIds.expireOffer(bookingId, at.getTime()),
        delay: Math.max(0, at.getTime() - Date.now()),
      },
    );
  }

  async expirePaymentHold(bookingId: string, at: Date): Promise<void> {
    await this.queue.add(
      'expire-payment-hold',
      { bookingId },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: jobIds.expirePaymentHold(bookingId, at.getTime()),
        delay: Math.max(0, at.getTime() - Date.now()),
      },
    );
  }

  async expireHold(hold: { eventId: string; appointmentId: string }, at: Date, attempt = 0): Promise<void> {
    const delay = at.getTime() - Date.now();
    await this.queue.add(
      'expire-hold',
      { eventId: hold.eventId, appointmentId: hold.appointmentId, attempt },
      {
        ...DEFAULT_JOB_OPTIONS,
        jobId: jobIds.expireHold(hold.appointmentId, at.getTime(), attempt),
        delay: attempt > 0 ? Math.max(RECHECK_MIN_DELAY_MS, delay) : Math.max(0, delay),
      },
    );
  }
}
