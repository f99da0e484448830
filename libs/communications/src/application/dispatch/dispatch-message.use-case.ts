import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { addressesOf } from '../../domain/recipient';
import { planSend } from '../../domain/render';
import type { Message } from '../../domain/message';
import { AudienceDirectory } from '../ports/audience-directory';
import { CommunicationSettingsStore, type CommunicationSettings } from '../ports/communication-settings';
import { DeliveryLedger, type NewDelivery, type StoredRecipient } from '../ports/delivery-ledger';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { budgetProblem } from '../compose/budget';
import { quietHoursWait } from './quiet-hours';

export type DispatchResult =
  | { readonly status: 'dispatched'; readonly recipients: number; readonly queued: number }
  | { readonly status: 'held'; readonly reason: 'approval' | 'budget' }
  | { readonly status: 'waiting'; readonly delayMs: number }
  | { readonly status: 'skipped' };

const CHUNK = 1000;

/**
 * Worker job: resolves the audience to recipients (a snapshot, stored once), creates each one's first
 * deliveries (app messages land in the inbox at once) and hands email and SMS to the send queue in bulk.
 * Safe to run again: the snapshot and the deliveries are unique, and the queued ones are read back.
 */
@Injectable()
export class DispatchMessageUseCase {
  constructor(
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceDirectory,
    private readonly ledger: DeliveryLedger,
    private readonly settings: CommunicationSettingsStore,
    private readonly jobs: DispatchJobs,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { readonly messageId: string }): Promise<DispatchResult> {
    const message = await this.messages.findById(input.messageId);
    if (!message || message.status !== 'sending') {
      return { status: 'skipped' };
    }
    const now = this.clock.now();
    const settings = await this.settings.forSchool(message.schoolId);
    const urgent = isUrgent(message.policy);
    const wait = urgent ? 0 : quietHoursWait(now, settings.quietHours);
    if (wait > 0) {
      await this.jobs.dispatch(message.id, urgent, wait);
      return { status: 'waiting', delayMs: wait };
    }
    let recipients = await this.ledger.recipients(message.id);
    if (recipients.length === 0) {
      const outcome = await this.snapshot(message, settings);
      if ('held' in outcome) {
        return { status: 'held', reason: outcome.held };
      }
      recipients = outcome.recipients;
    }
    const queued = await this.ledger.queued(message.id);
    for (let i = 0; i < queued.length; i += CHUNK) {
      await this.jobs.send(queued.slice(i, i + CHUNK), urgent);
    }
    await this.messages.moveStatus(message.id, ['sending'], 'sent', this.clock.now());
    return { status: 'dispatched', recipients: recipients.length, queued: queued.length };
  }

  /**
   * Resolves the audience and stores the recipients and their first deliveries, unless the message must wait:
   * for a senior's approval (above the school's threshold, when the sender may not approve), or because its
   * texts would exceed the SMS budget.
   */
  private async snapshot(
    message: Message,
    settings: CommunicationSettings,
  ): Promise<{ recipients: StoredRecipient[] } | { held: 'approval' | 'budget' }> {
    const found = await this.audiences.resolve(message.schoolId, message.audience);
    const school = await this.audiences.schoolName(message.schoolId);
    const blocked = await this.ledger.blocked(message.schoolId, addressesOf(found));
    const { planned, estimate } = planSend(
      found,
      message.policy,
      message.content,
      school,
      blocked,
      settings.smsSegmentPence,
    );
    const now = this.clock.now();
    if (
      message.approvedBy === null &&
      settings.approvalThreshold !== null &&
      estimate.recipients > settings.approvalThreshold
    ) {
      await this.messages.recordEstimate(
        message.id,
        estimate,
        { status: 'pending_approval', reason: null },
        now,
      );
      return { held: 'approval' };
    }
    const overBudget = await budgetProblem(this.settings, settings, message.schoolId, estimate, now);
    if (overBudget) {
      await this.messages.recordEstimate(message.id, estimate, { status: 'held', reason: overBudget }, now);
      return { held: 'budget' };
    }
    await this.messages.recordEstimate(message.id, estimate, null, now);
    const fallbackAt = new Date(now.getTime() + settings.fallbackAfterMinutes * 60_000);
    const recipients: StoredRecipient[] = [];
    const deliveries: NewDelivery[] = [];
    for (const p of planned) {
      const stored: StoredRecipient = { ...p.recipient, id: this.ids.next(), messageId: message.id };
      recipients.push(stored);
      for (const channel of p.first) {
        deliveries.push({
          id: this.ids.next(),
          recipientId: stored.id,
          channel,
          address:
            channel === 'app' ? stored.appUserId! : channel === 'email' ? stored.email! : stored.mobile!,
          state: channel === 'app' ? 'sent' : 'queued',
          fallbackAt: channel === 'app' && message.policy === 'cheapest' ? fallbackAt : null,
          ...(channel === 'sms' ? { estimatedSegments: p.smsSegments } : {}),
        });
      }
    }
    await this.ledger.record(message.id, message.schoolId, recipients, deliveries);
    return { recipients };
  }
}
