import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ForgetSignInSessionsUseCase, SealAuditTrailUseCase } from '@rowan/access';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { DestroySchoolDataUseCase, RunRetentionUseCase } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

type ComplianceJob =
  | (Job<JobPayloads['seal-audit']> & { name: 'seal-audit' })
  | (Job<JobPayloads['forget-sign-ins']> & { name: 'forget-sign-ins' })
  | (Job<JobPayloads['run-retention']> & { name: 'run-retention' })
  | (Job<JobPayloads['destroy-school']> & { name: 'destroy-school' });

/**
 * The audit log's sealer, spent sign-in sessions, retention runs and school destructions. Each use case is
 * idempotent (and the destruction resumable), so a job delivered twice does its work once.
 */
@Processor(QUEUES.compliance)
export class ComplianceProcessor extends WorkerHost {
  private readonly logger = new Logger(ComplianceProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly seal: SealAuditTrailUseCase,
    private readonly forgetSignIns: ForgetSignInSessionsUseCase,
    private readonly retention: RunRetentionUseCase,
    private readonly destruction: DestroySchoolDataUseCase,
  ) {
    super();
  }

  async process(job: ComplianceJob): Promise<object | null> {
    try {
      return await inJobContext(this.orm, job.id ?? job.name, () => this.run(job));
    } catch (error) {
      throw asJobFailure(error);
    }
  }

  private async run(job: ComplianceJob): Promise<object | null> {
    switch (job.name) {
      case 'seal-audit': {
        const result = await this.seal.execute();
        if (result.sealed > 0) {
          this.logger.log(`Sealed ${result.sealed} audit record(s) in ${result.chains} chain(s)`);
        }
        return result;
      }
      case 'forget-sign-ins':
        return this.forgetSignIns.execute();
      case 'run-retention':
        return this.retention.execute({ schoolId: job.data.schoolId as SchoolId });
      case 'destroy-school':
        return this.destruction.execute({ schoolId: job.data.schoolId as SchoolId });
      default:
        throw new Error(`Unknown job ${(job as Job).name} on the compliance queue`);
    }
  }
}
