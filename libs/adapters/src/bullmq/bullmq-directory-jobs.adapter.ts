import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DirectoryJobs } from '@rowan/directory';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, type JobPayloads } from './queues';

@Injectable()
export class BullMqDirectoryJobs extends DirectoryJobs {
  constructor(@InjectQueue(QUEUES.sync) private readonly queue: Queue<JobPayloads['run-sync']>) {
    super();
  }

  async runSync(runId: string): Promise<void> {
    await this.queue.add(
      'run-sync',
      { runId },
      { ...DEFAULT_JOB_OPTIONS, attempts: 3, jobId: jobIds.runSync(runId) },
    );
  }
}
