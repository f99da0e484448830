import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { RunMisSyncUseCase, type RunMisSyncResult } from '@rowan/directory';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

/** One MIS sync at a time per worker: syncs are heavy, and a school never has two at once. */
@Processor(QUEUES.sync, { concurrency: 1 })
export class SyncProcessor extends WorkerHost {
  private readonly logger = new Logger(SyncProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly runSync: RunMisSyncUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['run-sync']>): Promise<RunMisSyncResult> {
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () =>
        this.runSync.execute({ runId: job.data.runId }),
      );
      this.logger.log(`run-sync ${job.data.runId}: ${result.status}`);
      return result;
    } catch (error) {
      throw asJobFailure(error);
    }
  }
}
