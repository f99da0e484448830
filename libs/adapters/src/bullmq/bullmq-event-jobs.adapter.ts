import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { EventJobs } from '@rowan/events';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, type JobPayloads } from './queues';

@Injectable()
export class BullMqEventJobs extends EventJobs {
  constructor(@InjectQueue(QUEUES.events) private readonly queue: Queue<JobPayloads['expire-offer']>) {
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
}
