import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { FallbackService } from './fallback.service';

/** Every minute: scheduled messages whose time has come start sending (unless cancelled meanwhile). */
@Injectable()
export class ReleaseScheduledMessagesUseCase {
  constructor(
    private readonly messages: MessageRepository,
    private readonly jobs: DispatchJobs,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    let released = 0;
    for (const message of await this.messages.dueScheduled(now, 100)) {
      if (await this.messages.moveStatus(message.id, ['scheduled'], 'sending', now)) {
        await this.jobs.dispatch(message.id, isUrgent(message.policy));
        released++;
      }
    }
    return released;
  }
}

/** Every minute: app messages still unread past the school's fallback delay go by the next channel. */
@Injectable()
export class RunDueFallbacksUseCase {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly fallback: FallbackService,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const due = await this.ledger.dueFallbacks(this.clock.now(), 1000);
    return (await this.fallback.afterAll(due, { unread: true })).filter((channel) => channel !== null).length;
  }
}
