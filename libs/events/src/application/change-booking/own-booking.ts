import type { Actor } from '@rowan/access';
import type { SchoolEvent } from '../../domain/event';
import { BookingNotFound } from '../../domain/events.errors';
import type { BookingRecord, BookingStore } from '../ports/booking.store';
import type { EventRepository } from '../ports/event.repository';
import type { Guardianship, OwnChild } from '../ports/guardianship';

/** A booking of one of the parent's own children, with its event and child; 404 for anyone else's. */
export async function ownBooking(
  deps: { guardianship: Guardianship; bookings: BookingStore; events: EventRepository },
  actor: Actor,
  bookingId: string,
): Promise<{ booking: BookingRecord; event: SchoolEvent; child: OwnChild }> {
  const booking = await deps.bookings.findById(bookingId);
  const child = booking
    ? (await deps.guardianship.childrenOf(actor)).find(
        (c) => c.id === booking.pupilId && c.schoolId === booking.schoolId,
      )
    : undefined;
  const event = booking && child ? await deps.events.findById(booking.eventId) : null;
  if (!booking || !child || !event) {
    throw BookingNotFound();
  }
  return { booking, event, child };
}
