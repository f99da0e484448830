import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict, NotEligible } from '../../domain/events.errors';
import { bookingView, type BookingView } from '../booking.view';
import { eventFor } from '../event-scope';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { PaymentPlans } from '../payments/payment-plans';
import { placeBooking } from './place-booking';

/** Staff book a place for an invited child on a parent's behalf (a phone call to the office); no cut-off. */
@Injectable()
export class StaffBookPlaceUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly plans: PaymentPlans,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    pupilId: string;
  }): Promise<BookingView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:manage');
    if (event.status !== 'published') {
      throw new EventConflict('Only a published event takes bookings', 'EVENTS.BOOKING_CLOSED');
    }
    const invitation = await this.bookings.invitation(event.id, input.pupilId);
    if (!invitation) {
      throw new NotEligible('This pupil is not invited to this event');
    }
    const now = this.clock.now();
    const price = await this.plans.quoteFor(event, invitation, [], now);
    const booking = await placeBooking(
      { bookings: this.bookings, audit: this.audit, uow: this.uow, ids: this.ids },
      {
        actor: input.actor,
        event,
        invitation,
        childName: 'a pupil',
        idempotencyKey: null,
        requestHash: null,
        now,
        by: 'Staff',
        // Staff confirm the place; anything to pay stays outstanding for the family to pay online.
        price: { quote: price, plans: this.plans, holdMs: 0 },
      },
    );
    return bookingView(this.bookings, booking);
  }
}
