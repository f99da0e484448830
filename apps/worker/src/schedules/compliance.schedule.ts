import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
import { jobIds, QUEUES, type JobName } from '@rowan/adapters/bullmq/queues';
import type { Queue } from 'bullmq';

/** How often the audit log is sealed: records are in their chain within this (plus the grace) of being written. */
export const SEAL_AUDIT_EVERY_MS = 10_000;

/**
 * Asks for the audit log to be sealed every ten seconds, and for spent sign-in sessions to be forgotten every
 * hour. Only enqueues: each job's id is fixed, so while one waits or runs, the same schedule on every other
 * worker adds nothing.
 */
@Injectable()
export class ComplianceSchedule {
  constructor(@InjectQueue(QUEUES.compliance) private readonly queue: Queue) {}

  @Interval('seal-audit', SEAL_AUDIT_EVERY_MS)
  sealAudit(): Promise<void> {
    return this.enqueue('seal-audit', jobIds.sealAudit());
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'forget-sign-ins' })
  forgetSignIns(): Promise<void> {
    return this.enqueue('forget-sign-ins', jobIds.forgetSignIns());
  }

  private async enqueue(name: JobName, jobId: string): Promise<void> {
    await this.queue.add(name, {}, { jobId, attempts: 3, removeOnComplete: true, removeOnFail: true });
  }
}
