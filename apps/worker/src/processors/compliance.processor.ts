import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import {
  DestroySchoolDataUseCase,
  RunRetentionUseCase,
  type RetentionRun,
  type SchoolDeletion,
} from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

type ComplianceJob =
  | (Job<JobPayloads['run-retention']> & { name: 'run-retention' })
  | (Job<JobPayloads['destroy-school']> & { name: 'destroy-school' });

/** Retention runs and school destructions: one school per job, each use case idempotent and resumable. */
@Processor(QUEUES.compliance)
export class ComplianceProcessor extends WorkerHost {
  constructor(
    private readonly orm: MikroORM,
    private readonly retention: RunRetentionUseCase,
    private readonly destruction: DestroySchoolDataUseCase,
  ) {
    super();
  }

  async process(job: ComplianceJob): Promise<RetentionRun | SchoolDeletion | null> {
    try {
      return await inJobContext(this.orm, job.id ?? job.name, () => this.run(job));
    } catch (error) {
      throw asJobFailure(error);
    }
  }

  private run(job: ComplianceJob): Promise<RetentionRun | SchoolDeletion | null> {
    const schoolId = job.data.schoolId as SchoolId;
    switch (job.name) {
      case 'run-retention':
        return this.retention.execute({ schoolId });
      case 'destroy-school':
        return this.destruction.execute({ schoolId });
      default:
        throw new Error(`Unknown job ${(job as Job).name} on the compliance queue`);
    }
  }
}
