import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, ValidationFailed, type SchoolId } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { Message, type MessageStatus } from '../../domain/message';
import { planSend } from '../../domain/render';
import { AudienceDirectory } from '../ports/audience-directory';
import { CommunicationSettingsStore } from '../ports/communication-settings';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { schoolFor } from '../school-scope';
import { budgetProblem } from './budget';
import { quietHoursWait } from '../dispatch/quiet-hours';
import { checkMessage, type MessageInput } from './message-input';
import { toMessageView, type MessageView } from './message.view';

export interface SendMessageInput extends MessageInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  /** Later rather than now; editable and cancellable until then. */
  readonly scheduledFor: Date | null;
  /** Keep as a draft: nothing goes. */
  readonly draft: boolean;
  readonly idempotencyKey: string | null;
}

/**
 * Staff send (or schedule) a message. The audience is resolved now for the estimate, the approval threshold
 * and the SMS budget; the worker resolves it again when it goes. The API only records and enqueues.
 */
@Injectable()
export class SendMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly audiences: AudienceDirectory,
    private readonly ledger: DeliveryLedger,
    private readonly settings: CommunicationSettingsStore,
    private readonly messages: MessageRepository,
    private readonly jobs: DispatchJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: SendMessageInput): Promise<MessageView> {
    const school = await schoolFor(this.catalogue, input.actor, input.schoolId, 'messages:send');
    if (input.idempotencyKey) {
      const earlier = await this.messages.findByIdempotencyKey(school.id, input.idempotencyKey);
      if (earlier) {
        return toMessageView(earlier);
      }
    }
    checkMessage(input);
    const now = this.clock.now();
    if (input.scheduledFor && input.scheduledFor.getTime() <= now.getTime()) {
      throw new ValidationFailed('The time to send is in the past', [
        { field: 'scheduledFor', message: 'must be in the future' },
      ]);
    }
    const recipients = await this.audiences.resolve(school.id, input.audience);
    const mobiles = recipients.flatMap((r) => (r.mobile ? [r.mobile] : []));
    const settings = await this.settings.forSchool(school.id);
    const { estimate } = planSend(
      recipients,
      input.policy,
      input.content,
      school.name,
      await this.ledger.optedOut(school.id, mobiles),
      settings.smsSegmentPence,
    );
    const needsApproval =
      settings.approvalThreshold !== null &&
      estimate.recipients > settings.approvalThreshold &&
      !input.actor.can('messages:approve', { trustId: school.trustId, schoolId: school.id });
    const overBudget = await budgetProblem(this.settings, settings, school.id, estimate, now);
    // A routine message sent in quiet hours waits for them to end: said plainly, as a schedule.
    const quietWait =
      isUrgent(input.policy) || input.scheduledFor ? 0 : quietHoursWait(now, settings.quietHours);
    const scheduledFor = input.scheduledFor ?? (quietWait > 0 ? new Date(now.getTime() + quietWait) : null);
    const status: MessageStatus = input.draft
      ? 'draft'
      : needsApproval
        ? 'pending_approval'
        : overBudget
          ? 'held'
          : scheduledFor
            ? 'scheduled'
            : 'sending';
    const message = new Message(
      this.ids.next(),
      school.id,
      school.trustId,
      input.audience,
      input.content,
      input.policy,
      status,
      scheduledFor,
      estimate,
      input.actor.userId,
      now,
      now,
      status === 'sending' ? now : null,
      null,
      status === 'held' ? overBudget : null,
      input.idempotencyKey,
    );
    this.messages.add(message);
    this.audit.record(input.actor.userId, {
      action: `message.${status === 'sending' ? 'sent' : status}`,
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'message',
      targetId: message.id,
      summary: `${describe(status)} a message to ${estimate.recipients} recipient(s) of ${school.name}`,
      after: { policy: input.policy, recipients: estimate.recipients, scheduledFor },
    });
    await this.uow.commit();
    if (status === 'sending') {
      await this.jobs.dispatch(message.id, isUrgent(message.policy));
    }
    return toMessageView(message);
  }
}

function describe(status: MessageStatus): string {
  const words: Record<MessageStatus, string> = {
    draft: 'Drafted',
    pending_approval: 'Asked for approval of',
    held: 'Held (SMS budget)',
    scheduled: 'Scheduled',
    sending: 'Sent',
    sent: 'Sent',
    cancelled: 'Cancelled',
  };
  return words[status];
}
