import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { checkAnswers, type ConsentAnswer } from '../../domain/consent';
import { EventConflict } from '../../domain/events.errors';
import { ownBooking } from '../change-booking/own-booking';
import { BookingStore } from '../ports/booking.store';
import { ConsentStore } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { consentStateOf } from './consent-forms.service';
import type { BookingConsentView } from './consent.view';

/** A parent gives (or confirms again) consent for their child's booking, after booking. */
@Injectable()
export class GiveConsentUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly bookings: BookingStore,
    private readonly events: EventRepository,
    private readonly consents: ConsentStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    bookingId: string;
    answers: readonly ConsentAnswer[];
  }): Promise<BookingConsentView> {
    const { booking, event, child } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    const form = await this.consents.formOf(event.id);
    if (!form?.questions.length) {
      throw new EventConflict('This event asks for no consent', 'EVENTS.NO_CONSENT_FORM');
    }
    if (booking.state === 'cancelled' || event.status !== 'published') {
      throw new EventConflict('This booking no longer needs consent', 'EVENTS.BOOKING_STATE');
    }
    const answers = checkAnswers(form.questions, input.answers);
    const now = this.clock.now();
    await this.uow.transaction(async () => {
      await this.consents.give({
        bookingId: booking.id,
        eventId: event.id,
        schoolId: booking.schoolId,
        guardianId: input.actor.userId,
        answers,
        stale: false,
        givenAt: now,
      });
      this.audit.record(input.actor.userId, {
        action: 'booking.consent_given',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'booking',
        targetId: booking.id,
        summary: `A parent gave consent for ${child.forename} on “${event.title}”`,
        after: { answers: answers.length },
      });
    });
    const given = await this.consents.ofBookings([booking.id]);
    return {
      bookingId: booking.id,
      state: consentStateOf(true, given),
      questions: form.questions,
      consents: given
        .filter((c) => c.guardianId === input.actor.userId)
        .map((c) => ({ guardianId: c.guardianId, givenAt: c.givenAt, stale: c.stale, answers: c.answers })),
    };
  }
}
