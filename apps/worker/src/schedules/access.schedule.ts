import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { RequeueIdentityProvisioningUseCase } from '@rowan/access';
import { inJobContext } from '@rowan/adapters/persistence/job-context';

/** Schedules only enqueue; the processors do the work. */
@Injectable()
export class AccessSchedule {
  private readonly logger = new Logger(AccessSchedule.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly requeue: RequeueIdentityProvisioningUseCase,
  ) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'requeue-identity-provisioning' })
  async requeueIdentityProvisioning(): Promise<void> {
    const { queued } = await inJobContext(this.orm, 'schedule-requeue-identity-provisioning', () =>
      this.requeue.execute({ limit: 500 }),
    );
    if (queued > 0) {
      this.logger.log(`Re-queued identity provisioning for ${queued} invited people`);
    }
  }
}
