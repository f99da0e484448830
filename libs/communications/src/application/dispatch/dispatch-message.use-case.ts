import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { addressesOf } from '../../domain/recipient';
import { planSend } from '../../domain/render';
import type { Message } from '../../domain/message';
import { AudienceResolver } from '../audience/audience-resolver';
import { CommunicationSettingsStore, type CommunicationSettings } from '../ports/communication-settings';
import { DeliveryLedger, type SnapshotPart, type StoredRecipient } from '../ports/delivery-ledger';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { budgetProblem } from '../compose/budget';
import { quietHoursWait } from './quiet-hours';

export type DispatchResult =
  | { readonly status: 'dispatched'; readonly recipients: number; readonly queued: number }
  | { readonly status: 'held'; readonly reason: 'approval' | 'budget' }
  | { readonly status: 'waiting'; readonly delayMs: number }
  | { readonly status: 'skipped' };

/** Recipients stored (with their first deliveries) per transaction, then queued for sending. */
const PART = 1000;

/**
 * Worker job: resolves the audience to recipients (a snapshot), creates each one's first deliveries (app messages
 * land in the inbox at once) and hands email and SMS to the send queues in batches, a part at a time. Safe to
 * run again after dying part-way: a recipient or delivery already stored keeps its row, and what is still
 * queued is handed out again (the send jobs' claims make sure nothing goes twice).
 */
@Injectable()
export class DispatchMessageUseCase {
  constructor(
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceResolver,
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
    // A dispatch that ran before (and died) has passed the holds, and stored part of the snapshot or all of it.
    const resumed = (await this.ledger.recipientCount(message.id)) > 0;
    const plan = await this.plan(message, settings, !resumed);
    if ('held' in plan) {
      return { status: 'held', reason: plan.held };
    }
    // Stored a part at a time, each part's texts and emails queued as soon as it is stored: the providers get
    // the first batches while the rest of the snapshot is written.
    let queued = 0;
    for (let i = 0; i < plan.parts.length; i += PART) {
      const ready = await this.ledger.storeSnapshot(
        message.id,
        message.schoolId,
        plan.parts.slice(i, i + PART),
        resumed,
      );
      await this.jobs.send(ready, urgent);
      queued += ready.length;
    }
    await this.messages.moveStatus(message.id, ['sending'], 'sent', this.clock.now());
    return { status: 'dispatched', recipients: plan.parts.length, queued };
  }

  /**
   * Resolves the audience and decides each recipient's first deliveries, unless the message must wait (`holds`,
   * on a first run only): for a senior's approval (above the school's threshold, when the sender may not
   * approve), or because its texts would exceed the SMS budget.
   */
  private async plan(
    message: Message,
    settings: CommunicationSettings,
    holds: boolean,
  ): Promise<{ parts: SnapshotPart[] } | { held: 'approval' | 'budget' }> {
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
      holds &&
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
    const overBudget =
      holds && (await budgetProblem(this.settings, settings, message.schoolId, estimate, now));
    if (overBudget) {
      await this.messages.recordEstimate(message.id, estimate, { status: 'held', reason: overBudget }, now);
      return { held: 'budget' };
    }
    await this.messages.recordEstimate(message.id, estimate, null, now);
    const fallbackAt = new Date(now.getTime() + settings.fallbackAfterMinutes * 60_000);
    return {
      parts: planned.map((p) => {
        const recipient: StoredRecipient = { ...p.recipient, id: this.ids.next(), messageId: message.id };
        return {
          recipient,
          deliveries: p.first.map((channel) => ({
            id: this.ids.next(),
            channel,
            address:
              channel === 'app'
                ? recipient.appUserId!
                : channel === 'email'
                  ? recipient.email!
                  : recipient.mobile!,
            state: channel === 'app' ? ('sent' as const) : ('queued' as const),
            fallbackAt: channel === 'app' && message.policy === 'cheapest' ? fallbackAt : null,
            ...(channel === 'sms' ? { estimatedSegments: p.smsSegments } : {}),
          })),
        };
      }),
    };
  }
}
