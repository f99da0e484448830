import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  ForgetIdentityUseCase,
  ProvisionIdentityUseCase,
  type ForgetIdentityResult,
  type ProvisionIdentityResult,
} from '@rowan/access';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import type { UserId } from '@rowan/kernel';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

type AccessJob =
  | (Job<JobPayloads['provision-identity']> & { name: 'provision-identity' })
  | (Job<JobPayloads['forget-identity']> & { name: 'forget-identity' });

/** Accounts at the identity provider: created for invited people, deleted for people Rowan no longer holds. */
@Processor(QUEUES.access)
export class AccessProcessor extends WorkerHost {
  private readonly logger = new Logger(AccessProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly provisionIdentity: ProvisionIdentityUseCase,
    private readonly forgetIdentity: ForgetIdentityUseCase,
  ) {
    super();
  }

  async process(job: AccessJob): Promise<ProvisionIdentityResult | ForgetIdentityResult> {
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () => this.run(job));
      this.logger.log(`${job.name} ${job.id ?? ''}: ${result.status}`);
      return result;
    } catch (error) {
      throw asJobFailure(error);
    }
  }

  private run(job: AccessJob): Promise<ProvisionIdentityResult | ForgetIdentityResult> {
    switch (job.name) {
      case 'provision-identity':
        return this.provisionIdentity.execute({ userId: job.data.userId as UserId });
      case 'forget-identity':
        return this.forgetIdentity.execute({ subject: job.data.subject });
      default:
        throw new Error(`Unknown job ${(job as Job).name} on the access queue`);
    }
  }
}
