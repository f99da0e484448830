import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { BookingStore } from '../ports/booking.store';
import { EligiblePupils } from '../ports/eligible-pupils';
import { EventRepository } from '../ports/event.repository';
import { Notifier } from '../ports/notifier';

/**
 * Staff publish a draft: the eligible pupils are fixed as invitations (one per child), and their parents are
 * told through the communications hub, so the invitation is tracked like any message.
 */
@Injectable()
export class PublishEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly pupils: EligiblePupils,
    private readonly bookings: BookingStore,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<EventView> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    if (event.status !== 'draft') {
      throw new EventConflict('Only a draft event can be published', 'EVENTS.NOT_PUBLISHABLE');
    }
    const invited = await this.pupils.resolve(school.id, event.eligibility);
    const now = this.clock.now();
    await this.uow.transaction(async () => {
      if (!(await this.events.moveStatus(event.id, 'draft', 'published', now))) {
        throw new EventConflict('The event was published meanwhile', 'EVENTS.NOT_PUBLISHABLE');
      }
      await this.bookings.addInvitations(
        school.id,
        event.id,
        invited.map((p) => ({ pupilId: p.id, mayTakeReserved: p.mayTakeReserved })),
        now,
      );
      this.audit.record(input.actor.userId, {
        action: 'event.published',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Published the ${event.kind} “${event.title}”, inviting ${invited.length} pupils’ families`,
        after: { status: 'published', invited: invited.length },
      });
    });
    event.status = 'published';
    event.updatedAt = now;
    if (invited.length) {
      const { messageId } = await this.notifier.inviteParents({
        actor: input.actor,
        schoolId: school.id,
        eventId: event.id,
        title: event.title,
        startsAt: event.startsAt,
        pupilIds: invited.map((p) => p.id),
      });
      await this.events.recordInvitationMessage(event.id, messageId);
      event.invitationMessageId = messageId;
    }
    return toEventView(event);
  }
}
