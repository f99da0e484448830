import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { SealAuditTrailUseCase, type SealAuditTrailResult } from '@rowan/access';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

@Processor(QUEUES.compliance)
export class ComplianceProcessor extends WorkerHost {
  private readonly logger = new Logger(ComplianceProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly seal: SealAuditTrailUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['seal-audit']>): Promise<SealAuditTrailResult> {
    if (job.name !== 'seal-audit') {
      throw asJobFailure(new Error(`Unknown job ${job.name} on the compliance queue`));
    }
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () => this.seal.execute());
      if (result.sealed > 0) {
        this.logger.log(`Sealed ${result.sealed} audit record(s) in ${result.chains} chain(s)`);
      }
      return result;
    } catch (error) {
      throw asJobFailure(error);
    }
  }
}
