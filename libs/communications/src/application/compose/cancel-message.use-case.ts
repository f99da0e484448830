import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { MessageConflict } from '../../domain/communications.errors';
import { MessageRepository } from '../ports/message.repository';
import { messageFor } from '../school-scope';
import { toMessageView, type MessageView } from './message.view';

/** A message not yet sending (draft, awaiting approval, scheduled or held) is cancelled and never goes. */
@Injectable()
export class CancelMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
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
      'messages:send',
    );
    const now = this.clock.now();
    const before = message.status;
    await this.uow.transaction(async () => {
      // Guarded in the database: the scheduler may be releasing it at this very moment.
      const moved =
        message.isChangeable() && (await this.messages.moveStatus(message.id, [before], 'cancelled', now));
      if (!moved) {
        throw new MessageConflict(
          'This message has already gone, or was cancelled',
          'COMMUNICATIONS.NOT_CANCELLABLE',
        );
      }
      this.audit.record(input.actor.userId, {
        action: 'message.cancelled',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'message',
        targetId: message.id,
        summary: `Cancelled a ${before.replace('_', ' ')} message`,
        before: { status: before },
        after: { status: 'cancelled' },
      });
    });
    message.status = 'cancelled';
    message.updatedAt = now;
    return toMessageView(message);
  }
}
