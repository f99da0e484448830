import { Injectable } from '@nestjs/common';
import { summarise, type MoneySummary } from '../../domain/ledger';
import type { BookingRecord } from '../ports/booking.store';
import { PaymentStore, type LedgerEntry, type PaymentRecord } from '../ports/payment.store';

export interface BookingMoneyView extends MoneySummary {
  readonly bookingId: string;
  readonly entries: readonly LedgerEntry[];
  readonly payments: readonly PaymentRecord[];
  /** The next payment the family can make, if any. */
  readonly nextPayment: {
    readonly paymentId: string;
    readonly amountP: number;
    readonly purpose: string;
    readonly dueAt: Date | null;
  } | null;
}

/** A booking's ledger, payments and summary. */
@Injectable()
export class BookingMoneyReader {
  constructor(private readonly payments: PaymentStore) {}

  async of(booking: BookingRecord): Promise<BookingMoneyView> {
    const [entries, payments] = await Promise.all([
      this.payments.entriesOf(booking.id),
      this.payments.paymentsOf(booking.id),
    ]);
    const live = booking.state === 'confirmed' || booking.state === 'held';
    const next = live ? payments.find((p) => p.status === 'pending') : undefined;
    return {
      bookingId: booking.id,
      ...summarise(entries, live),
      entries,
      payments,
      nextPayment: next
        ? { paymentId: next.id, amountP: next.amountP, purpose: next.purpose, dueAt: next.dueAt }
        : null,
    };
  }
}
