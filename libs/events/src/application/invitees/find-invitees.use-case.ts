import { Injectable } from '@nestjs/common';
import type { SchoolId } from '@rowan/kernel';
import { hasInvitees, inviteeMatches, type InviteeFilter } from '../../domain/invitees';
import { consentStateOf } from '../consent/consent-forms.service';
import { BookingStore } from '../ports/booking.store';
import { ConsentStore, type ConsentRecord } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';

export interface FindInviteesInput {
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly filter: InviteeFilter;
}

/**
 * The pupils of the school's event who match the filter; or why there are none to give: `unknown_event` (no
 * trip or club of this id at this school that has invited anyone, the same answer for another school's event)
 * or `no_consent_form` (consent asked of an event without a form).
 */
export type InviteesResult =
  | { readonly status: 'found'; readonly pupilIds: readonly string[] }
  | { readonly status: 'unknown_event' }
  | { readonly status: 'no_consent_form' };

/**
 * Who an event invited, by where their booking stands: for the communications hub, which addresses a message
 * to them. It has authorised the sender for the school already, and it also asks from the worker, outside any
 * request; so the school is given, and an event of another school is not there.
 */
@Injectable()
export class FindInviteesUseCase {
  constructor(
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly consents: ConsentStore,
  ) {}

  async execute(input: FindInviteesInput): Promise<InviteesResult> {
    const event = await this.events.findForWorker(input.eventId);
    if (!event || event.schoolId !== input.schoolId || !hasInvitees(event)) {
      return { status: 'unknown_event' };
    }
    const hasForm = !!(await this.consents.formOf(event.id))?.questions.length;
    if (input.filter === 'consent_outstanding' && !hasForm) {
      return { status: 'no_consent_form' };
    }
    const rows = await this.bookings.invitees(event.schoolId, event.id);
    const booked = rows.flatMap((r) => (r.booking ? [r.booking.id] : []));
    const given = new Map<string, ConsentRecord[]>();
    if (input.filter === 'consent_outstanding') {
      for (const c of await this.consents.ofBookings(booked)) {
        given.set(c.bookingId, [...(given.get(c.bookingId) ?? []), c]);
      }
    }
    const pupilIds = rows
      .filter((r) =>
        inviteeMatches(input.filter, {
          pupilId: r.pupilId,
          booking: r.booking?.state ?? null,
          consent: consentStateOf(hasForm, (r.booking && given.get(r.booking.id)) ?? []),
        }),
      )
      .map((r) => r.pupilId);
    return { status: 'found', pupilIds };
  }
}
