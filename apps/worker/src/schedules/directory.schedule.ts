import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ForgetExpiredUploadsUseCase, ScheduleDailySyncsUseCase } from '@rowan/directory';

/**
 * On the hour: queue the daily MIS syncs that are due (the sync processor does the work), and forget directory
 * uploads that expired without being applied.
 */
@Injectable()
export class DirectorySchedule {
  private readonly logger = new Logger(DirectorySchedule.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly schedule: ScheduleDailySyncsUseCase,
    private readonly forgetUploads: ForgetExpiredUploadsUseCase,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'daily-mis-syncs' })
  async queueDailySyncs(): Promise<void> {
    const { queued } = await inJobContext(this.orm, 'schedule-daily-mis-syncs', () =>
      this.schedule.execute(),
    );
    if (queued > 0) {
      this.logger.log(`Queued the daily MIS sync of ${queued} school(s)`);
    }
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'forget-expired-uploads' })
  async forgetExpiredUploads(): Promise<void> {
    const forgotten = await inJobContext(this.orm, 'forget-expired-uploads', () =>
      this.forgetUploads.execute(),
    );
    if (forgotten > 0) {
      this.logger.log(`Forgot ${forgotten} directory upload(s) that expired unapplied`);
    }
  }
}
