import { MikroORM } from '@mikro-orm/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';
import { jobIds, QUEUES, type JobName } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ScheduleComplianceWorkUseCase } from '@rowan/compliance';
import type { Queue } from 'bullmq';

/** How often the audit log is sealed: records are in their chain within this (plus the grace) of being written. */
export const SEAL_AUDIT_EVERY_MS = 10_000;

/**
 * Only enqueues (the compliance processor does the work): the audit log's sealing every ten seconds; every hour,
 * spent sign-in sessions forgotten, and the day's retention runs and due school destructions. Job ids are fixed
 * (or one per school and day), so the same schedule on every other worker, or in the other 23 hours, adds nothing.
 */
@Injectable()
export class ComplianceSchedule {
  private readonly logger = new Logger(ComplianceSchedule.name);

  constructor(
    @InjectQueue(QUEUES.compliance) private readonly queue: Queue,
    private readonly orm: MikroORM,
    private readonly schedule: ScheduleComplianceWorkUseCase,
  ) {}

  @Interval('seal-audit', SEAL_AUDIT_EVERY_MS)
  sealAudit(): Promise<void> {
    return this.enqueue('seal-audit', jobIds.sealAudit());
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'forget-sign-ins' })
  forgetSignIns(): Promise<void> {
    return this.enqueue('forget-sign-ins', jobIds.forgetSignIns());
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'compliance-work' })
  async queueComplianceWork(): Promise<void> {
    const queued = await inJobContext(this.orm, 'schedule-compliance-work', () => this.schedule.execute());
    if (queued.retention + queued.destruction > 0) {
      this.logger.log(
        `Compliance: retention for ${queued.retention} school(s), destruction of ${queued.destruction}`,
      );
    }
  }

  private async enqueue(name: JobName, jobId: string): Promise<void> {
    await this.queue.add(name, {}, { jobId, attempts: 3, removeOnComplete: true, removeOnFail: true });
  }
}
