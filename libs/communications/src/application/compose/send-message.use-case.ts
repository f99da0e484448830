import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { Message, type MessageStatus } from '../../domain/message';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { ComposeRules } from './compose-rules';
import type { MessageInput } from './message-input';
import type { SendTiming } from './send-timing';
import { toMessageView, type MessageView } from './message.view';

export interface SendMessageInput extends MessageInput, SendTiming {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly idempotencyKey: string | null;
}

/**
 * Staff send, schedule or save a message. The call only checks and records it: however large the audience, it
 * answers at once. The worker resolves the audience, holds the message for a senior's approval above the
 * school's threshold (unless the sender may approve) or over the SMS budget, and otherwise delivers it.
 */
@Injectable()
export class SendMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly rules: ComposeRules,
    private readonly messages: MessageRepository,
    private readonly jobs: DispatchJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: SendMessageInput): Promise<MessageView> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:send');
    if (input.idempotencyKey) {
      const earlier = await this.messages.findByIdempotencyKey(school.id, input.idempotencyKey);
      if (earlier) {
        return toMessageView(earlier);
      }
    }
    const now = this.clock.now();
    const { status, scheduledFor } = await this.rules.admit(school.id, input, now);
    const canApprove = input.actor.can('messages:approve', { trustId: school.trustId, schoolId: school.id });
    const message = new Message(
      this.ids.next(),
      school.id,
      school.trustId,
      input.audience,
      input.content,
      input.policy,
      status,
      scheduledFor,
      null,
      input.actor.userId,
      now,
      now,
      status === 'sending' ? now : null,
      canApprove ? input.actor.userId : null,
      null,
      input.idempotencyKey,
    );
    this.messages.add(message);
    this.audit.record(input.actor.userId, {
      action: `message.${status === 'sending' ? 'sent' : status}`,
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'message',
      targetId: message.id,
      summary: `${WORDS[status]} a message (${input.policy} routing)`,
      after: { policy: input.policy, audience: input.audience, scheduledFor },
    });
    await this.uow.commit();
    if (status === 'sending') {
      await this.jobs.dispatch(message.id, isUrgent(message.policy));
    }
    return toMessageView(message);
  }
}

const WORDS: Record<MessageStatus, string> = {
  draft: 'Drafted',
  pending_approval: 'Asked for approval of',
  held: 'Held',
  scheduled: 'Scheduled',
  sending: 'Sent',
  sent: 'Sent',
  cancelled: 'Cancelled',
};
