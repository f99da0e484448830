import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ProvisionIdentityUseCase, type ProvisionIdentityResult } from '@rowan/access';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import type { UserId } from '@rowan/kernel';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

@Processor(QUEUES.access)
export class AccessProcessor extends WorkerHost {
  private readonly logger = new Logger(AccessProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly provisionIdentity: ProvisionIdentityUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['provision-identity']>): Promise<ProvisionIdentityResult> {
    if (job.name !== 'provision-identity') {
      throw asJobFailure(new Error(`Unknown job ${job.name} on the access queue`));
    }
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () =>
        this.provisionIdentity.execute({ userId: job.data.userId as UserId }),
      );
      this.logger.log(`provision-identity ${job.data.userId}: ${result.status}`);
      return result;
    } catch (error) {
      throw asJobFailure(error);
    }
  }
}
