import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { MessageConflict } from '../../domain/communications.errors';
import { EDITABLE_STATUSES, Message } from '../../domain/message';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { messageFor } from '../school-scope';
import { ComposeRules } from './compose-rules';
import type { MessageInput } from './message-input';
import type { SendTiming } from './send-timing';
import { toMessageView, type MessageView } from './message.view';

export interface UpdateMessageInput extends MessageInput, SendTiming {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly messageId: string;
}

const notEditable = () =>
  new MessageConflict(
    'Only a draft or a scheduled message can be edited; this one has gone, is awaiting approval or held, or was cancelled',
    'COMMUNICATIONS.NOT_EDITABLE',
  );

/**
 * Staff change a draft or scheduled message: its audience, content, routing and when it goes (now, later, or
 * still a draft), checked as a new message is. The edit is stored only if the message is still a draft or
 * scheduled at that moment, with its audit record in the same transaction; anything refused changes nothing.
 */
@Injectable()
export class UpdateMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly rules: ComposeRules,
    private readonly messages: MessageRepository,
    private readonly jobs: DispatchJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateMessageInput): Promise<MessageView> {
    const { school, message } = await messageFor(
      this.catalogue,
      this.messages,
      input.actor,
      input,
      'messages:send',
    );
    if (!message.isEditable()) {
      throw notEditable();
    }
    const now = this.clock.now();
    const { status, scheduledFor } = await this.rules.admit(school.id, input, now);
    const canApprove = input.actor.can('messages:approve', { trustId: school.trustId, schoolId: school.id });
    // A copy, not the loaded entity: the edit is written by one guarded UPDATE, never by a flush.
    const edited = new Message(
      message.id,
      message.schoolId,
      message.trustId,
      input.audience,
      input.content,
      input.policy,
      status,
      scheduledFor,
      null,
      message.createdBy,
      message.createdAt,
      now,
      status === 'sending' ? now : null,
      canApprove ? input.actor.userId : null,
      null,
      message.idempotencyKey,
    );
    await this.uow.transaction(async () => {
      if (!(await this.messages.rewrite(edited, EDITABLE_STATUSES))) {
        throw notEditable();
      }
      this.audit.record(input.actor.userId, {
        action: 'message.updated',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'message',
        targetId: message.id,
        summary: `Edited a ${message.status} message (${status === 'sending' ? 'now sending' : status})`,
        before: {
          status: message.status,
          policy: message.policy,
          audience: message.audience,
          scheduledFor: message.scheduledFor,
        },
        after: { status, policy: input.policy, audience: input.audience, scheduledFor },
      });
    });
    if (status === 'sending') {
      await this.jobs.dispatch(message.id, isUrgent(edited.policy));
    }
    return toMessageView(edited);
  }
}
