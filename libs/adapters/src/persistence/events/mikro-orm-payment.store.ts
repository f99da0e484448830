import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  PaymentStore,
  type BookingMoneyRow,
  type CheckoutRecord,
  type LedgerEntry,
  type PaymentRecord,
  type PaymentStatus,
  type SchoolPaymentSettings,
} from '@rowan/events';
import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { runSql, selectRows } from '../directory/bulk-sql';

interface PaymentRow {
  id: string;
  school_id: string;
  event_id: string;
  booking_id: string;
  purpose: PaymentRecord['purpose'];
  amount_p: number;
  due_at: Date | null;
  status: PaymentStatus;
  payment_intent_id: string | null;
  paid_at: Date | null;
  created_at: Date;
}

interface CheckoutRow {
  session_id: string;
  payment_id: string;
  school_id: string;
  account: string | null;
  url: string;
  status: CheckoutRecord['status'];
  expires_at: Date;
  created_at: Date;
}

interface LedgerRow {
  id: string;
  school_id: string;
  event_id: string;
  booking_id: string;
  entry: LedgerEntry['entry'];
  amount_p: number;
  reference: string | null;
  payment_id: string | null;
  note: string;
  created_by: string | null;
  created_at: Date;
}

const date = (d: Date | null) => (d ? new Date(d) : null);
const toPayment = (r: PaymentRow): PaymentRecord => ({
  id: r.id,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  bookingId: r.booking_id,
  purpose: r.purpose,
  amountP: Number(r.amount_p),
  dueAt: date(r.due_at),
  status: r.status,
  paymentIntentId: r.payment_intent_id,
  paidAt: date(r.paid_at),
  createdAt: new Date(r.created_at),
});
const toCheckout = (r: CheckoutRow): CheckoutRecord => ({
  sessionId: r.session_id,
  paymentId: r.payment_id,
  schoolId: r.school_id as SchoolId,
  account: r.account,
  url: r.url,
  status: r.status,
  expiresAt: new Date(r.expires_at),
  createdAt: new Date(r.created_at),
});
const toEntry = (r: LedgerRow): LedgerEntry => ({
  id: r.id,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  bookingId: r.booking_id,
  entry: r.entry,
  amountP: Number(r.amount_p),
  reference: r.reference,
  paymentId: r.payment_id,
  note: r.note,
  createdBy: r.created_by as UserId | null,
  createdAt: new Date(r.created_at),
});

const PAYMENT = 'select * from booking_payments';
const LEDGER = 'select * from payment_ledger';

/** Payments, checkouts, the ledger and webhook ids as rows; statements join the caller's transaction. */
@Injectable()
export class MikroOrmPaymentStore extends PaymentStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private run(sql: string, params: readonly unknown[]): Promise<number> {
    return runSql(this.em, sql, params);
  }

  private select<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return selectRows<T>(this.em, sql, params);
  }

  async insertPayments(payments: readonly PaymentRecord[]): Promise<void> {
    for (const p of payments) {
      await this.run(
        `insert into booking_payments (id, school_id, event_id, booking_id, purpose, amount_p, due_at, status,
           payment_intent_id, paid_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          p.id,
          p.schoolId,
          p.eventId,
          p.bookingId,
          p.purpose,
          p.amountP,
          p.dueAt,
          p.status,
          p.paymentIntentId,
          p.paidAt,
          p.createdAt,
        ],
      );
    }
  }

  async paymentsOf(bookingId: string): Promise<PaymentRecord[]> {
    const rows = await this.select<PaymentRow>(
      `${PAYMENT} where booking_id = ? order by created_at, purpose desc, id`,
      [bookingId],
    );
    return rows.map(toPayment);
  }

  async payment(id: string): Promise<PaymentRecord | null> {
    const [row] = await this.select<PaymentRow>(`${PAYMENT} where id = ?`, [id]);
    return row ? toPayment(row) : null;
  }

  async lockPayment(id: string): Promise<PaymentRecord | null> {
    const [row] = await this.select<PaymentRow>(`${PAYMENT} where id = ? for update`, [id]);
    return row ? toPayment(row) : null;
  }

  async paymentByIntent(paymentIntentId: string): Promise<PaymentRecord | null> {
    const [row] = await this.select<PaymentRow>(`${PAYMENT} where payment_intent_id = ?`, [paymentIntentId]);
    if (row) {
      return toPayment(row);
    }
    // A payment that lapsed keeps its intent only in the ledger.
    const [entry] = await this.select<{ payment_id: string | null }>(
      "select payment_id from payment_ledger where entry = 'payment' and reference = ?",
      [paymentIntentId],
    );
    return entry?.payment_id ? this.payment(entry.payment_id) : null;
  }

  async movePayment(
    id: string,
    from: readonly PaymentStatus[],
    to: PaymentStatus,
    change: { readonly paymentIntentId?: string; readonly paidAt?: Date } = {},
  ): Promise<boolean> {
    const moved = await this.run(
      `update booking_payments set status = ?, payment_intent_id = coalesce(?, payment_intent_id), paid_at = coalesce(?, paid_at)
        where id = ? and status in (${from.map(() => '?').join(', ')})`,
      [to, change.paymentIntentId ?? null, change.paidAt ?? null, id, ...from],
    );
    return moved === 1;
  }

  async endPending(bookingId: string, to: 'lapsed' | 'withdrawn'): Promise<void> {
    await this.run("update booking_payments set status = ? where booking_id = ? and status = 'pending'", [
      to,
      bookingId,
    ]);
  }

  async withdrawEvent(eventId: string): Promise<void> {
    await this.run(
      "update booking_payments set status = 'withdrawn' where event_id = ? and status = 'pending'",
      [eventId],
    );
  }

  async paidBookingIds(eventId: string): Promise<string[]> {
    const rows = await this.select<{ booking_id: string }>(
      "select distinct booking_id from payment_ledger where event_id = ? and entry = 'payment' order by booking_id",
      [eventId],
    );
    return rows.map((r) => r.booking_id);
  }

  async unpaid(eventId: string): Promise<{ pupilId: string; amountP: number; dueAt: Date | null }[]> {
    const rows = await this.select<{ pupil_id: string; amount_p: number; due_at: Date | null }>(
      `select b.pupil_id, sum(p.amount_p) as amount_p, min(p.due_at) as due_at
         from booking_payments p join event_bookings b on b.id = p.booking_id
        where p.event_id = ? and p.status = 'pending' and b.state = 'confirmed'
        group by b.pupil_id order by b.pupil_id`,
      [eventId],
    );
    return rows.map((r) => ({ pupilId: r.pupil_id, amountP: Number(r.amount_p), dueAt: date(r.due_at) }));
  }

  async moneyOfEvent(schoolId: SchoolId, eventId: string, page: PageRequest): Promise<Page<BookingMoneyRow>> {
    const after = decodeCursor(page.cursor);
    const sum = (entry: string) => `coalesce(sum(case when l.entry = '${entry}' then l.amount_p end), 0)`;
    const rows = await this.select<{
      id: string;
      pupil_id: string;
      forename: string;
      surname: string;
      state: string;
      charge: number;
      subsidy: number;
      discount: number;
      paid: number;
      refunded: number;
    }>(
      `select b.id, b.pupil_id, p.preferred_forename as forename, p.preferred_surname as surname, b.state,
              ${sum('charge')} as charge, ${sum('subsidy')} as subsidy, ${sum('discount')} as discount,
              ${sum('payment')} as paid, ${sum('refund')} as refunded
         from event_bookings b
         join payment_ledger l on l.booking_id = b.id
         join pupils p on p.id = b.pupil_id and p.school_id = b.school_id
        where b.school_id = ? and b.event_id = ? ${after ? 'and b.id > ?' : ''}
        group by b.id, b.pupil_id, p.preferred_forename, p.preferred_surname, b.state
        order by b.id limit ${Number(page.limit) + 1}`,
      [schoolId, eventId, ...(after ? [after] : [])],
    );
    return toPage(
      rows.map((r) => ({
        bookingId: r.id,
        pupilId: r.pupil_id,
        forename: r.forename,
        surname: r.surname,
        state: r.state,
        chargeP: Number(r.charge),
        subsidyP: Number(r.subsidy),
        discountP: Number(r.discount),
        paidP: Number(r.paid),
        refundedP: Number(r.refunded),
      })),
      page,
      (r) => r.bookingId,
    );
  }

  async insertCheckout(c: CheckoutRecord): Promise<void> {
    await this.run(
      `insert ignore into payment_checkouts (session_id, payment_id, school_id, account, url, status, expires_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.sessionId, c.paymentId, c.schoolId, c.account, c.url, c.status, c.expiresAt, c.createdAt],
    );
  }

  async checkout(sessionId: string): Promise<CheckoutRecord | null> {
    const [row] = await this.select<CheckoutRow>('select * from payment_checkouts where session_id = ?', [
      sessionId,
    ]);
    return row ? toCheckout(row) : null;
  }

  async openCheckoutOf(paymentId: string, now: Date): Promise<CheckoutRecord | null> {
    const [row] = await this.select<CheckoutRow>(
      "select * from payment_checkouts where payment_id = ? and status = 'open' and expires_at > ? order by created_at desc limit 1",
      [paymentId, now],
    );
    return row ? toCheckout(row) : null;
  }

  async openCheckoutsOf(bookingId: string): Promise<CheckoutRecord[]> {
    const rows = await this.select<CheckoutRow>(
      `select c.* from payment_checkouts c join booking_payments p on p.id = c.payment_id
        where p.booking_id = ? and c.status = 'open' order by c.created_at`,
      [bookingId],
    );
    return rows.map(toCheckout);
  }

  async countCheckouts(paymentId: string): Promise<number> {
    const [row] = await this.select<{ n: number }>(
      'select count(*) as n from payment_checkouts where payment_id = ?',
      [paymentId],
    );
    return Number(row?.n ?? 0);
  }

  async moveCheckout(
    sessionId: string,
    from: 'open' | 'expired',
    to: 'complete' | 'expired',
  ): Promise<boolean> {
    const moved = await this.run(
      'update payment_checkouts set status = ? where session_id = ? and status = ?',
      [to, sessionId, from],
    );
    return moved === 1;
  }

  async addEntries(entries: readonly LedgerEntry[]): Promise<number> {
    let added = 0;
    for (const e of entries) {
      added += await this.run(
        `insert ignore into payment_ledger (id, school_id, event_id, booking_id, entry, amount_p, reference, payment_id,
           note, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.schoolId,
          e.eventId,
          e.bookingId,
          e.entry,
          e.amountP,
          e.reference,
          e.paymentId,
          e.note.slice(0, 500),
          e.createdBy,
          e.createdAt,
        ],
      );
    }
    return added;
  }

  async entriesOf(bookingId: string): Promise<LedgerEntry[]> {
    const rows = await this.select<LedgerRow>(`${LEDGER} where booking_id = ? order by created_at, id`, [
      bookingId,
    ]);
    return rows.map(toEntry);
  }

  async moneyBetween(schoolId: SchoolId, from: Date, to: Date): Promise<LedgerEntry[]> {
    const rows = await this.select<LedgerRow>(
      `${LEDGER} where school_id = ? and entry in ('payment', 'refund') and created_at >= ? and created_at < ? order by created_at, id`,
      [schoolId, from, to],
    );
    return rows.map(toEntry);
  }

  async entryByReference(entry: 'payment' | 'refund', reference: string): Promise<LedgerEntry | null> {
    const [row] = await this.select<LedgerRow>(`${LEDGER} where entry = ? and reference = ?`, [
      entry,
      reference,
    ]);
    return row ? toEntry(row) : null;
  }

  async firstSight(eventId: string, type: string, at: Date): Promise<boolean> {
    const added = await this.run(
      'insert ignore into payment_webhook_events (event_id, type, received_at) values (?, ?, ?)',
      [eventId, type, at],
    );
    return added === 1;
  }

  async seen(eventId: string): Promise<boolean> {
    const rows = await this.select<{ event_id: string }>(
      'select event_id from payment_webhook_events where event_id = ?',
      [eventId],
    );
    return rows.length > 0;
  }

  async claimRefundKey(
    schoolId: SchoolId,
    key: string,
    requestHash: string,
    at: Date,
  ): Promise<'claimed' | 'replay' | 'in_progress' | 'different'> {
    const inserted = await this.run(
      `insert ignore into refund_requests (school_id, idempotency_key, request_hash, status, created_at)
       values (?, ?, ?, 'pending', ?)`,
      [schoolId, key, requestHash, at],
    );
    if (inserted > 0) {
      return 'claimed';
    }
    const [row] = await this.select<{ request_hash: string; status: string }>(
      'select request_hash, status from refund_requests where school_id = ? and idempotency_key = ?',
      [schoolId, key],
    );
    if (!row) {
      return this.claimRefundKey(schoolId, key, requestHash, at); // released meanwhile
    }
    if (row.request_hash !== requestHash) {
      return 'different';
    }
    return row.status === 'done' ? 'replay' : 'in_progress';
  }

  async settleRefundKey(schoolId: SchoolId, key: string, outcome: 'done' | 'release'): Promise<void> {
    await this.run(
      outcome === 'done'
        ? `update refund_requests set status = 'done' where school_id = ? and idempotency_key = ?`
        : `delete from refund_requests where school_id = ? and idempotency_key = ? and status = 'pending'`,
      [schoolId, key],
    );
  }

  async settings(schoolId: SchoolId): Promise<SchoolPaymentSettings> {
    const [row] = await this.select<{
      stripe_account_id: string | null;
      cancellation_refund: SchoolPaymentSettings['cancellationRefund'];
    }>('select stripe_account_id, cancellation_refund from school_payment_settings where school_id = ?', [
      schoolId,
    ]);
    return {
      stripeAccountId: row?.stripe_account_id ?? null,
      cancellationRefund: row?.cancellation_refund ?? 'full',
    };
  }

  async saveSettings(schoolId: SchoolId, s: SchoolPaymentSettings, at: Date): Promise<void> {
    await this.run(
      `insert into school_payment_settings (school_id, stripe_account_id, cancellation_refund, updated_at) values (?, ?, ?, ?)
       on duplicate key update stripe_account_id = values(stripe_account_id), cancellation_refund = values(cancellation_refund), updated_at = values(updated_at)`,
      [schoolId, s.stripeAccountId, s.cancellationRefund, at],
    );
  }
}
