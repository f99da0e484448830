import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import { MessageConflict } from '../../domain/communications.errors';
import { DispatchJobs } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';
import { messageFor } from '../school-scope';
import { toMessageView, type MessageView } from './message.view';

/** A senior approves a message held for approval: it goes now, or at its scheduled time if that is later. */
@Injectable()
export class ApproveMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
    private readonly jobs: DispatchJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly messageId: string;
  }): Promise<MessageView> {
    const { school, message } = await messageFor(
      this.catalogue,
      this.messages,
      input.actor,
      input,
      'messages:approve',
    );
    if (message.status !== 'pending_approval') {
      throw new MessageConflict('This message is not waiting for approval', 'COMMUNICATIONS.NOT_PENDING');
    }
    const now = this.clock.now();
    const later = message.scheduledFor !== null && message.scheduledFor.getTime() > now.getTime();
    message.status = later ? 'scheduled' : 'sending';
    message.approvedBy = input.actor.userId;
    message.updatedAt = now;
    message.sentAt = later ? null : now;
    this.audit.record(input.actor.userId, {
      action: 'message.approved',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'message',
      targetId: message.id,
      summary: `Approved a message to ${message.estimate?.recipients ?? 'its'} recipients`,
      before: { status: 'pending_approval' },
      after: { status: message.status },
    });
    await this.uow.commit();
    if (message.status === 'sending') {
      await this.jobs.dispatch(message.id, isUrgent(message.policy));
    }
    return toMessageView(message);
  }
}
