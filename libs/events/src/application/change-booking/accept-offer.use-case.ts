import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { nextState } from '../../domain/booking';
import { EventConflict } from '../../domain/events.errors';
import { toBookingView, type BookingView } from '../booking.view';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { ownBooking } from './own-booking';

/** A parent takes up a place offered from the waiting list, before the offer expires. */
@Injectable()
export class AcceptOfferUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; bookingId: string }): Promise<BookingView> {
    const { booking, event, child } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    const to = nextState(booking.state, 'accept');
    const now = this.clock.now();
    if (!booking.offerExpiresAt || booking.offerExpiresAt.getTime() <= now.getTime()) {
      throw new EventConflict('The offer has expired', 'EVENTS.OFFER_EXPIRED');
    }
    await this.uow.transaction(async () => {
      if (!(await this.bookings.move(booking.id, 'offered', to, now))) {
        throw new EventConflict('The offer has expired', 'EVENTS.OFFER_EXPIRED');
      }
      this.audit.record(input.actor.userId, {
        action: 'booking.confirmed',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'booking',
        targetId: booking.id,
        summary: `Accepted the offered place for ${child.forename} on “${event.title}”`,
        before: { state: 'offered' },
        after: { state: to },
      });
    });
    return toBookingView({ ...booking, state: to });
  }
}
