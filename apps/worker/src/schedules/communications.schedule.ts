import { MikroORM } from '@mikro-orm/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { QUEUES, sendPacing } from '@rowan/adapters/bullmq/queues';
import { WorkerConfig } from '@rowan/adapters/config/config';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ReleaseScheduledMessagesUseCase, RunDueFallbacksUseCase } from '@rowan/communications';
import type { Queue } from 'bullmq';

/**
 * Every minute: scheduled messages whose time has come start sending, and unread app messages past the
 * school's fallback delay go by the next channel.
 */
@Injectable()
export class CommunicationsSchedule {
  private readonly logger = new Logger(CommunicationsSchedule.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly release: ReleaseScheduledMessagesUseCase,
    private readonly fallbacks: RunDueFallbacksUseCase,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'release-scheduled-messages' })
  async releaseScheduled(): Promise<void> {
    const released = await inJobContext(this.orm, 'release-scheduled-messages', () => this.release.execute());
    if (released > 0) {
      this.logger.log(`Released ${released} scheduled message(s)`);
    }
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'unread-fallbacks' })
  async runFallbacks(): Promise<void> {
    const fell = await inJobContext(this.orm, 'unread-fallbacks', () => this.fallbacks.execute());
    if (fell > 0) {
      this.logger.log(`${fell} unread app message(s) fell back to email or SMS`);
    }
  }
}

/**
 * Sets each provider queue's global rate limit from configuration when the worker starts: in jobs a second, each
 * job a batch of `sendPacing(rate).batch` deliveries, so the deliveries a second stay at or under the rate.
 */
@Injectable()
export class SendRateLimits implements OnApplicationBootstrap {
  constructor(
    private readonly config: WorkerConfig,
    @InjectQueue(QUEUES.sms) private readonly sms: Queue,
    @InjectQueue(QUEUES.email) private readonly email: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sms.setGlobalRateLimit(sendPacing(this.config.SMS_PER_SECOND).jobsPerSecond, 1000);
    await this.email.setGlobalRateLimit(sendPacing(this.config.EMAIL_PER_SECOND).jobsPerSecond, 1000);
  }
}
