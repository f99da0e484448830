import type { EntityManager } from '@mikro-orm/mysql';
import type { SubjectDataSection } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { columns, iso, rows } from '../personal-data.sql';

const PAYMENTS =
  'Recorded by Rowan as payments are due and made (card payments through Stripe; Rowan holds no card details).';

/** Payments due, and every ledger line (charges, subsidies, discounts, payments, refunds), for these bookings. */
export async function eventsPaymentsSections(
  em: EntityManager,
  schoolId: SchoolId,
  bookings: string,
  params: readonly unknown[],
  whose: string,
): Promise<SubjectDataSection[]> {
  const due = await rows<{
    booking_id: string;
    title: string;
    purpose: string;
    amount_p: number;
    due_at: Date | null;
    status: string;
    paid_at: Date | null;
    created_at: Date;
  }>(
    em,
    `select p.booking_id, e.title, p.purpose, p.amount_p, p.due_at, p.status, p.paid_at, p.created_at
       from booking_payments p
       join event_bookings b on b.id = p.booking_id and b.school_id = p.school_id
       join events e on e.id = p.event_id and e.school_id = p.school_id
      where p.school_id = ? and ${bookings} order by p.created_at, p.id`,
    [schoolId, ...params],
  );
  const ledger = await rows<{
    booking_id: string;
    title: string;
    entry: string;
    amount_p: number;
    note: string;
    reference: string | null;
    created_at: Date;
  }>(
    em,
    `select l.booking_id, e.title, l.entry, l.amount_p, l.note, l.reference, l.created_at
       from payment_ledger l
       join event_bookings b on b.id = l.booking_id and b.school_id = l.school_id
       join events e on e.id = l.event_id and e.school_id = l.school_id
      where l.school_id = ? and ${bookings} order by l.created_at, l.id`,
    [schoolId, ...params],
  );
  return [
    {
      key: 'payments.due',
      category: 'Payments',
      title: 'Payments',
      description: `Deposits, balances and full payments asked for on ${whose}, and whether each was paid. ${PAYMENTS}`,
      columns: columns(
        ['bookingId', 'Booking id', 'text'],
        ['event', 'Event', 'text'],
        ['purpose', 'For', 'text'],
        ['amount', 'Amount', 'pence'],
        ['dueAt', 'Due', 'datetime'],
        ['status', 'Status', 'text'],
        ['paidAt', 'Paid', 'datetime'],
      ),
      rows: due.map((p) => ({
        bookingId: p.booking_id,
        event: p.title,
        purpose: p.purpose,
        amount: p.amount_p,
        dueAt: iso(p.due_at),
        status: p.status,
        paidAt: iso(p.paid_at),
      })),
    },
    {
      key: 'payments.ledger',
      category: 'Payments',
      title: 'Payment ledger',
      description: `Every charge, subsidy, discount, payment and refund on ${whose}, in pence. ${PAYMENTS}`,
      columns: columns(
        ['bookingId', 'Booking id', 'text'],
        ['event', 'Event', 'text'],
        ['entry', 'Entry', 'text'],
        ['amount', 'Amount', 'pence'],
        ['note', 'Note', 'text'],
        ['reference', 'Provider reference', 'text'],
        ['at', 'When', 'datetime'],
      ),
      rows: ledger.map((l) => ({
        bookingId: l.booking_id,
        event: l.title,
        entry: l.entry,
        amount: l.amount_p,
        note: l.note,
        reference: l.reference,
        at: iso(l.created_at),
      })),
    },
  ];
}
