import { Injectable } from '@nestjs/common';
import { IdGenerator, type SchoolId, type UserId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { NO_PAYMENT_TERMS, quote, type Quote } from '../../domain/pricing';
import { EventSettings } from '../event-settings';
import { BookingStore, type BookingRecord, type InvitationRow } from '../ports/booking.store';
import { EventJobs } from '../ports/event-jobs';
import { PaymentStore, type LedgerEntry, type PaymentRecord } from '../ports/payment.store';

/**
 * A booking's price and what it asks for: the quote for one child (subsidy for Pupil Premium and FSM pupils,
 * the sibling discount when another of the family's children is booked), and, when the booking takes a place,
 * the ledger's charge lines and the payments due, written in the booking's transaction.
 */
@Injectable()
export class PaymentPlans {
  constructor(
    private readonly payments: PaymentStore,
    private readonly bookings: BookingStore,
    private readonly ids: IdGenerator,
    private readonly settings: EventSettings,
    private readonly jobs: EventJobs,
  ) {}

  /** How long a parent's place is held while they pay. */
  get holdMs(): number {
    return this.settings.paymentHoldMs;
  }

  /** After the booking's transaction commits: a held place is let go if not paid in time. */
  async scheduleHoldExpiry(booking: BookingRecord): Promise<void> {
    if (booking.state === 'held' && booking.offerExpiresAt) {
      await this.jobs.expirePaymentHold(booking.id, booking.offerExpiresAt);
    }
  }

  /** `siblingIds`: the family's other children (a booking of theirs on the event earns the discount). */
  async quoteFor(
    event: SchoolEvent,
    invitation: InvitationRow,
    siblingIds: readonly string[],
    now: Date,
  ): Promise<Quote> {
    const terms = event.paymentTerms ?? NO_PAYMENT_TERMS;
    const priced = event.priceP !== null && event.priceP > 0;
    const siblingsBooked =
      priced && terms.siblingDiscountPercent > 0 && siblingIds.length
        ? (await this.bookings.activeFor(event.id, siblingIds)).length
        : 0;
    return quote({
      priceP: event.priceP,
      priceUnit: event.priceUnit,
      sessions: event.sessions.length,
      terms,
      subsidised: invitation.mayTakeReserved,
      siblingsBooked,
      now,
    });
  }

  /** Inside the booking's transaction, once it has a place. Answers the payment to take now, if any. */
  async record(
    booking: { readonly id: string; readonly schoolId: SchoolId; readonly eventId: string },
    q: Quote,
    by: UserId,
    now: Date,
  ): Promise<PaymentRecord | null> {
    if (q.chargeP === 0) {
      return null;
    }
    const entry = (line: Quote['lines'][number]): LedgerEntry => ({
      id: this.ids.next(),
      schoolId: booking.schoolId,
      eventId: booking.eventId,
      bookingId: booking.id,
      entry: line.entry,
      amountP: line.amountP,
      reference: null,
      paymentId: null,
      note: line.label,
      createdBy: by,
      createdAt: now,
    });
    await this.payments.addEntries(q.lines.map(entry));
    const due: PaymentRecord[] = [];
    const payment = (
      purpose: PaymentRecord['purpose'],
      amountP: number,
      dueAt: Date | null,
    ): PaymentRecord => ({
      id: this.ids.next(),
      schoolId: booking.schoolId,
      eventId: booking.eventId,
      bookingId: booking.id,
      purpose,
      amountP,
      dueAt,
      status: 'pending',
      paymentIntentId: null,
      paidAt: null,
      createdAt: now,
    });
    if (q.dueNowP > 0) {
      due.push(payment(q.balanceP > 0 ? 'deposit' : 'full', q.dueNowP, null));
    }
    if (q.balanceP > 0) {
      due.push(payment('balance', q.balanceP, q.balanceDueAt));
    }
    await this.payments.insertPayments(due);
    return due[0] ?? null;
  }
}
