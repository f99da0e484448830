import type { Actor } from '@rowan/access';
import { EventConflict, EventNotFound, NotEligible, PupilNotFound } from '../../domain/events.errors';
import type { SchoolEvent } from '../../domain/event';
import { familyKeyFor, type EveningSetup } from '../../domain/parents-evening';
import type { BookingStore } from '../ports/booking.store';
import type { EventRepository } from '../ports/event.repository';
import type { Guardianship, OwnChild } from '../ports/guardianship';
import type { AppointmentRecord, ParentsEveningStore } from '../ports/parents-evening.store';

export interface ParentEvening {
  readonly event: SchoolEvent;
  readonly setup: EveningSetup;
  /** The parent's children invited to the evening. */
  readonly children: readonly OwnChild[];
  /** All the parent's children at the evening's school. */
  readonly own: readonly OwnChild[];
}

export interface ParentEveningDeps {
  readonly guardianship: Guardianship;
  readonly events: EventRepository;
  readonly bookings: BookingStore;
  readonly evenings: ParentsEveningStore;
}

/**
 * A published parents' evening one of the parent's children is invited to (or at which they still hold an
 * appointment): 404 otherwise, as the booking code does. An evening for other families' children is not theirs.
 */
export async function parentEvening(
  deps: ParentEveningDeps,
  actor: Actor,
  eventId: string,
): Promise<ParentEvening> {
  const children = await deps.guardianship.childrenOf(actor);
  const event = await deps.events.findById(eventId);
  if (!event || event.kind !== 'parents_evening' || event.status === 'draft') {
    throw EventNotFound();
  }
  const mine = children.filter((c) => c.schoolId === event.schoolId);
  const setup = mine.length ? await deps.evenings.setup(event.id) : null;
  if (!setup) {
    throw EventNotFound();
  }
  const invited = new Set(
    (await deps.bookings.invitationsOf(mine.map((c) => c.id)))
      .filter((i) => i.eventId === event.id)
      .map((i) => i.pupilId),
  );
  const invitedChildren = mine.filter((c) => invited.has(c.id));
  if (!invitedChildren.length && !(await deps.evenings.mine(event.id, actor.userId)).length) {
    throw EventNotFound();
  }
  return { event, setup, children: invitedChildren, own: mine };
}

/** The child must be the parent's (404) and invited (403). */
export function invitedChild(ctx: ParentEvening, pupilId: string): OwnChild {
  const child = ctx.children.find((c) => c.id === pupilId);
  if (!child) {
    if (ctx.own.some((c) => c.id === pupilId)) {
      throw new NotEligible('This child is not invited to this parents’ evening');
    }
    throw PupilNotFound();
  }
  return child;
}

/** The evening must be open for booking and changes (409 after the cut-off). */
export function assertOpen(ctx: ParentEvening, now: Date): void {
  if (!ctx.event.bookable(now)) {
    throw new EventConflict('Booking for this event has closed', 'EVENTS.BOOKING_CLOSED');
  }
}

/** The child must be the parent's (404) and invited (403); the evening must be open for booking (409). */
export function bookableChild(ctx: ParentEvening, pupilId: string, now: Date): OwnChild {
  const child = invitedChild(ctx, pupilId);
  assertOpen(ctx, now);
  return child;
}

/** The key this parent books this child under (see `familyKeyFor`). */
export const familyKeyOf = (ctx: ParentEvening, child: OwnChild, userId: string): string =>
  familyKeyFor(ctx.setup.separateBookings, userId, child.parentalResponsibility);

/**
 * Appointments of the parent's invited children that count as the parent's family's but that someone else booked:
 * with the family's shared key, the child has seen that teacher.
 */
export function bookedByOthers(
  ctx: ParentEvening,
  userId: string,
  appointments: readonly AppointmentRecord[],
): AppointmentRecord[] {
  const children = new Map(ctx.children.map((c) => [c.id, c]));
  return appointments.filter((a) => {
    const child = children.get(a.pupilId);
    return !!child && a.parentUserId !== userId && a.familyKey === familyKeyOf(ctx, child, userId);
  });
}
