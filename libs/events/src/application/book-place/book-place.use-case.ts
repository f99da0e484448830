import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork, ukDateTime, ValidationFailed } from '@rowan/kernel';
import { checkAnswers, type ConsentAnswer } from '../../domain/consent';
import { EventConflict, EventNotFound, NotEligible, PupilNotFound } from '../../domain/events.errors';
import { bookingView, type BookingView } from '../booking.view';
import { BookingStore } from '../ports/booking.store';
import { ConsentStore } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { PaymentPlans } from '../payments/payment-plans';
import { placeBooking } from './place-booking';

export interface BookPlaceInput {
  readonly actor: Actor;
  readonly eventId: string;
  readonly pupilId: string;
  readonly idempotencyKey: string | null;
  /** Answers to the event's consent form, if it has one; they may also be given later. */
  readonly consent?: readonly ConsentAnswer[] | null;
}

/**
 * A parent books a place for one of their own children on an event the child is invited to. The database
 * decides who gets the last place (a conditional update in the same transaction as the booking); when it is
 * full the child joins the waiting list.
 */
@Injectable()
export class BookPlaceUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly consents: ConsentStore,
    private readonly plans: PaymentPlans,
  ) {}

  async execute(input: BookPlaceInput): Promise<BookingView> {
    const requestHash = `${input.eventId}/${input.pupilId}`;
    if (input.idempotencyKey) {
      const earlier = await this.bookings.findByIdempotencyKey(input.actor.userId, input.idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new EventConflict(
            'This Idempotency-Key was used for a different booking',
            'EVENTS.IDEMPOTENCY_KEY_REUSED',
          );
        }
        return bookingView(this.bookings, earlier);
      }
    }
    const children = await this.guardianship.childrenOf(input.actor);
    const child = children.find((c) => c.id === input.pupilId);
    if (!child) {
      throw PupilNotFound();
    }
    const event = await this.events.findById(input.eventId);
    if (!event || event.schoolId !== child.schoolId || event.status === 'draft') {
      throw EventNotFound();
    }
    const invitation = await this.bookings.invitation(event.id, child.id);
    if (!invitation) {
      throw new NotEligible(`${child.forename} is not invited to this event`);
    }
    const now = this.clock.now();
    if (!event.bookable(now)) {
      throw new EventConflict('Booking for this event has closed', 'EVENTS.BOOKING_CLOSED');
    }
    const opens = event.opensFor(invitation.mayTakeReserved, now);
    if (opens) {
      throw new EventConflict(
        `Booking opens for ${child.forename} at ${ukDateTime(opens)}: until then places go to pupils eligible for Pupil Premium or free school meals`,
        'EVENTS.NOT_OPEN_YET',
      );
    }
    const form = input.consent ? await this.consents.formOf(event.id) : null;
    if (input.consent && !form?.questions.length) {
      throw new ValidationFailed('This event asks for no consent', [
        { field: 'consent', message: 'this event has no consent form' },
      ]);
    }
    const answers = form?.questions.length
      ? checkAnswers(form.questions, input.consent ?? [], 'consent.answers')
      : null;
    const siblings = children
      .filter((c) => c.id !== child.id && c.schoolId === child.schoolId)
      .map((c) => c.id);
    const price = await this.plans.quoteFor(event, invitation, siblings, now);
    const booking = await placeBooking(
      { bookings: this.bookings, audit: this.audit, uow: this.uow, ids: this.ids },
      {
        actor: input.actor,
        event,
        invitation,
        childName: child.forename,
        idempotencyKey: input.idempotencyKey,
        requestHash,
        now,
        by: 'A parent',
        price: { quote: price, plans: this.plans, holdMs: this.plans.holdMs },
        with: answers
          ? (b) =>
              this.consents.give({
                bookingId: b.id,
                eventId: event.id,
                schoolId: event.schoolId,
                guardianId: input.actor.userId,
                answers,
                stale: false,
                givenAt: now,
              })
          : undefined,
      },
    );
    await this.plans.scheduleHoldExpiry(booking);
    return bookingView(this.bookings, booking);
  }
}
