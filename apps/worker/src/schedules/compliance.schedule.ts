import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { jobIds, QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import type { Queue } from 'bullmq';

/** How often the audit log is sealed: records are in their chain within this (plus the grace) of being written. */
export const SEAL_AUDIT_EVERY_MS = 10_000;

/**
 * Every ten seconds, asks for the audit log to be sealed. Only enqueues: the job id is fixed, so while one
 * sealing waits or runs, the same schedule on every other worker adds nothing.
 */
@Injectable()
export class ComplianceSchedule {
  constructor(@InjectQueue(QUEUES.compliance) private readonly queue: Queue<JobPayloads['seal-audit']>) {}

  @Interval('seal-audit', SEAL_AUDIT_EVERY_MS)
  async sealAudit(): Promise<void> {
    await this.queue.add(
      'seal-audit',
      {},
      { jobId: jobIds.sealAudit(), attempts: 3, removeOnComplete: true, removeOnFail: true },
    );
  }
}
