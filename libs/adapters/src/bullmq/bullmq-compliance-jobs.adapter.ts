import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ComplianceJobs } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, type JobPayloads } from './queues';

@Injectable()
export class BullMqComplianceJobs extends ComplianceJobs {
  constructor(
    @InjectQueue(QUEUES.compliance)
    private readonly queue: Queue<JobPayloads['run-retention'] | JobPayloads['destroy-school']>,
  ) {
    super();
  }

  async runRetention(schoolId: SchoolId, day: string): Promise<void> {
    await this.queue.add(
      'run-retention',
      { schoolId },
      { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.runRetention(schoolId, day) },
    );
  }

  async destroySchool(schoolId: SchoolId, day: string): Promise<void> {
    await this.queue.add(
      'destroy-school',
      { schoolId },
      { ...DEFAULT_JOB_OPTIONS, jobId: jobIds.destroySchool(schoolId, day) },
    );
  }
}
