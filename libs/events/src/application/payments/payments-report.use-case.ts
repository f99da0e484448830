import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import {
  fileSlug,
  pagedRows,
  type Page,
  type PageRequest,
  type SchoolId,
  type TabularReport,
} from '@rowan/kernel';
import { summarise, type MoneySummary } from '../../domain/ledger';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { PaymentStore, type BookingMoneyRow } from '../ports/payment.store';

export interface PaymentLine extends BookingMoneyRow, MoneySummary {}

export interface PaymentsReport {
  readonly eventId: string;
  readonly title: string;
  /** Over every booking of the event, not only this page. */
  readonly totals: MoneySummary & { readonly bookings: number; readonly subsidised: number };
  readonly page: Page<PaymentLine>;
}

type Input = { readonly actor: Actor; readonly schoolId: SchoolId; readonly eventId: string };
const EXPORT_PAGE = 500;
const LIVE = new Set(['confirmed', 'held']);

const lineOf = (r: BookingMoneyRow): PaymentLine => ({
  ...r,
  ...summarise(
    [
      { entry: 'charge', amountP: r.chargeP },
      { entry: 'subsidy', amountP: r.subsidyP },
      { entry: 'discount', amountP: r.discountP },
      { entry: 'payment', amountP: r.paidP },
      { entry: 'refund', amountP: r.refundedP },
    ],
    LIVE.has(r.state),
  ),
});

/** An event's payments: per booking, what was charged, subsidised, paid, refunded and is still outstanding. */
@Injectable()
export class PaymentsReportUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly payments: PaymentStore,
  ) {}

  private async open(input: Input) {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'payments:read',
    );
    const read = async (page: PageRequest): Promise<Page<PaymentLine>> => {
      const rows = await this.payments.moneyOfEvent(school.id, event.id, page);
      return { ...rows, items: rows.items.map(lineOf) };
    };
    return { event, read };
  }

  async execute(input: Input & { readonly page: PageRequest }): Promise<PaymentsReport> {
    const { event, read } = await this.open(input);
    const all: PaymentLine[] = [];
    // Totals over every booking (an event has at most a few thousand); the page is what the table shows.
    let cursor: string | undefined;
    do {
      const page = await read({ cursor, limit: EXPORT_PAGE });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const total = (key: keyof MoneySummary) => all.reduce((sum, l) => sum + l[key], 0);
    return {
      eventId: event.id,
      title: event.title,
      totals: {
        bookings: all.length,
        subsidised: all.filter((l) => l.subsidyP > 0).length,
        chargeP: total('chargeP'),
        subsidyP: total('subsidyP'),
        discountP: total('discountP'),
        dueP: total('dueP'),
        paidP: total('paidP'),
        refundedP: total('refundedP'),
        outstandingP: total('outstandingP'),
        refundableP: total('refundableP'),
      },
      page: await read(input.page),
    };
  }

  async export(input: Input): Promise<TabularReport> {
    const { event, read } = await this.open(input);
    return {
      title: `Payments ${event.title}`,
      filename: `payments-${fileSlug(event.title)}`,
      columns: [
        { header: 'Surname', kind: 'text' },
        { header: 'Forename', kind: 'text' },
        { header: 'Booking', kind: 'text' },
        { header: 'Charged', kind: 'pence' },
        { header: 'Subsidy', kind: 'pence' },
        { header: 'Discount', kind: 'pence' },
        { header: 'Due', kind: 'pence' },
        { header: 'Paid', kind: 'pence' },
        { header: 'Refunded', kind: 'pence' },
        { header: 'Outstanding', kind: 'pence' },
      ],
      rows: () =>
        pagedRows(
          (cursor) => read({ cursor, limit: EXPORT_PAGE }),
          (l) => [
            l.surname,
            l.forename,
            l.state,
            l.chargeP,
            l.subsidyP,
            l.discountP,
            l.dueP,
            l.paidP,
            l.refundedP,
            l.outstandingP,
          ],
        ),
    };
  }
}
