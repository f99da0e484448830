import type { Actor, AuditTrail } from '@rowan/access';
import type { IdGenerator, UnitOfWork } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import type { Quote } from '../../domain/pricing';
import type { PaymentPlans } from '../payments/payment-plans';
import { EventConflict } from '../../domain/events.errors';
import type { BookingRecord, BookingStore, InvitationRow } from '../ports/booking.store';

export interface Placement {
  readonly actor: Actor;
  readonly event: SchoolEvent;
  readonly invitation: InvitationRow;
  readonly childName: string;
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
  readonly now: Date;
  /** Who booked, for the audit summary: 'A parent' or 'Staff'. */
  readonly by: string;
  /** More to write with the booking, in its transaction (a parent's consent answers). */
  readonly with?: (booking: BookingRecord) => Promise<void>;
  /**
   * The child's price. A parent's place with something to pay now is held until paid (for `holdMs`); staff
   * booking for a family (`holdMs` 0) confirm the place and leave the payment outstanding.
   */
  readonly price?: { readonly quote: Quote; readonly plans: PaymentPlans; readonly holdMs: number };
}

/**
 * The booking itself, for parents and staff alike: the database decides who gets a place (a conditional update
 * in the same transaction as the insert); when it is full the child joins the waiting list.
 */
export async function placeBooking(
  deps: { bookings: BookingStore; audit: AuditTrail; uow: UnitOfWork; ids: IdGenerator },
  p: Placement,
): Promise<BookingRecord> {
  try {
    return await deps.uow.transaction(() => place(deps, p));
  } catch (error) {
    if (error instanceof EventConflict && error.code === 'EVENTS.ALREADY_BOOKED') {
      throw new EventConflict(`${p.childName} already has a booking for this event`, 'EVENTS.ALREADY_BOOKED');
    }
    throw error;
  }
}

/**
 * Inside the transaction: take a place if one is left, then insert the booking. A child who already has an
 * active booking is refused by the booking's unique key, and the transaction (with the place taken) rolls back.
 */
async function place(
  deps: { bookings: BookingStore; audit: AuditTrail; ids: IdGenerator },
  p: Placement,
): Promise<BookingRecord> {
  const { event, invitation } = p;
  const open = !invitation.mayTakeReserved;
  const placed = await deps.bookings.takePlace(event.id, open);
  const held = placed && (p.price?.quote.dueNowP ?? 0) > 0 && (p.price?.holdMs ?? 0) > 0;
  const record: BookingRecord = {
    id: deps.ids.next(),
    schoolId: event.schoolId,
    eventId: event.id,
    pupilId: invitation.pupilId,
    state: held ? 'held' : placed ? 'confirmed' : 'waitlisted',
    open,
    bookedBy: p.actor.userId,
    offerExpiresAt: held && p.price ? new Date(p.now.getTime() + p.price.holdMs) : null,
    idempotencyKey: p.idempotencyKey,
    requestHash: p.requestHash,
    createdAt: p.now,
  };
  await deps.bookings.insert(record);
  if (placed && p.price) {
    await p.price.plans.record(record, p.price.quote, p.actor.userId, p.now);
  }
  await p.with?.(record);
  const what = held
    ? 'held a place until it is paid for'
    : placed
      ? 'booked a place'
      : 'joined the waiting list';
  deps.audit.record(p.actor.userId, {
    action: held ? 'booking.held' : placed ? 'booking.confirmed' : 'booking.waitlisted',
    trustId: event.trustId,
    schoolId: event.schoolId,
    targetType: 'booking',
    targetId: record.id,
    summary: `${p.by} ${what} for ${p.childName} on “${event.title}”`,
    after: { eventId: event.id, pupilId: invitation.pupilId, state: record.state },
  });
  return record;
}
