import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AccessJobs } from '@rowan/access';
import type { UserId } from '@rowan/kernel';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, type JobPayloads } from './queues';

@Injectable()
export class BullMqAccessJobs extends AccessJobs {
  constructor(
    @InjectQueue(QUEUES.access)
    private readonly queue: Queue<JobPayloads['provision-identity'] | JobPayloads['forget-identity']>,
  ) {
    super();
  }

  async provisionIdentity(userId: UserId): Promise<void> {
    await this.queue.add(
      'provision-identity',
      { userId },
      { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.provisionIdentity(userId) },
    );
  }

  async forgetIdentity(subject: string): Promise<void> {
    await this.queue.add(
      'forget-identity',
      { subject },
      { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.forgetIdentity(subject) },
    );
  }
}
