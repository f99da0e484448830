import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ScheduleComplianceWorkUseCase } from '@rowan/compliance';

/**
 * Hourly: queue the day's retention runs and due school destructions (job ids make each one job per school and
 * day, so the other 23 hours add nothing; the compliance processor does the work).
 */
@Injectable()
export class ComplianceSchedule {
  private readonly logger = new Logger(ComplianceSchedule.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly schedule: ScheduleComplianceWorkUseCase,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'compliance-work' })
  async queueComplianceWork(): Promise<void> {
    const queued = await inJobContext(this.orm, 'schedule-compliance-work', () => this.schedule.execute());
    if (queued.retention + queued.destruction > 0) {
      this.logger.log(
        `Compliance: retention for ${queued.retention} school(s), destruction of ${queued.destruction}`,
      );
    }
  }
}
