import { Injectable } from '@nestjs/common';
import { authorize, type Actor } from '@rowan/access';
import { SchoolCatalogue, type SchoolSummary } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { withoutMedicalNotes } from '../../domain/consent';
import { BookingNotFound } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { BookingStore } from '../ports/booking.store';
import { ConsentStore } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';
import { consentStateOf } from './consent-forms.service';
import { toConsentFormView, type BookingConsentView, type ConsentFormView } from './consent.view';

@Injectable()
export class GetConsentFormUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly consents: ConsentStore,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<ConsentFormView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    return toConsentFormView(event.id, await this.consents.formOf(event.id));
  }
}

/** One booking's answers, per guardian; medical notes only for staff who manage events. */
@Injectable()
export class GetBookingConsentUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly consents: ConsentStore,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    bookingId: string;
  }): Promise<BookingConsentView> {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    const booking = await this.bookings.findById(input.bookingId);
    if (!booking || booking.eventId !== event.id || booking.schoolId !== school.id) {
      throw BookingNotFound();
    }
    const form = await this.consents.formOf(event.id);
    const questions = form?.questions ?? [];
    const given = await this.consents.ofBookings([booking.id]);
    const medical = mayManage(input.actor, school);
    return {
      bookingId: booking.id,
      state: consentStateOf(!!form?.questions.length, given),
      questions,
      consents: given.map((c) => ({
        guardianId: c.guardianId,
        givenAt: c.givenAt,
        stale: c.stale,
        answers: medical ? c.answers : withoutMedicalNotes(questions, c.answers),
      })),
    };
  }
}

function mayManage(actor: Actor, school: SchoolSummary): boolean {
  try {
    authorize(actor, 'events:manage', { trustId: school.trustId, schoolId: school.id });
    return true;
  } catch {
    return false;
  }
}
