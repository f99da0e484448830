import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { ValidationFailed, type SchoolId } from '@rowan/kernel';
import { PaymentGateway, type BalanceLine } from '../ports/payment-gateway';
import { PaymentStore, type LedgerEntry } from '../ports/payment.store';

export type MismatchKind = 'missing_in_rowan' | 'missing_in_stripe' | 'amount_differs';

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly type: 'charge' | 'refund';
  /** The PaymentIntent (charges) or Refund (refunds) id. */
  readonly reference: string;
  readonly stripeAmountP: number | null;
  readonly rowanAmountP: number | null;
  readonly bookingId: string | null;
  readonly balanceTransactionId: string | null;
}

export interface Reconciliation {
  readonly from: Date;
  readonly to: Date;
  readonly stripe: {
    readonly charges: number;
    readonly refunds: number;
    readonly grossP: number;
    readonly feesP: number;
    readonly netP: number;
  };
  readonly rowan: {
    readonly payments: number;
    readonly refunds: number;
    readonly paidP: number;
    readonly refundedP: number;
  };
  readonly matched: number;
  readonly mismatches: readonly Mismatch[];
  readonly clean: boolean;
}

const MAX_RANGE_MS = 366 * 24 * 3_600_000;

/**
 * The ledger's payments and refunds against the provider's balance transactions over a period, matched by the
 * provider's ids: anything on one side only, or with a different amount, is flagged.
 */
@Injectable()
export class ReconcilePaymentsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly payments: PaymentStore,
    private readonly gateway: PaymentGateway,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; from: Date; to: Date }): Promise<Reconciliation> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'payments:read');
    if (!(input.to > input.from) || input.to.getTime() - input.from.getTime() > MAX_RANGE_MS) {
      throw new ValidationFailed('The period is not valid', [
        { field: 'to', message: 'must be after `from`, and the period at most a year' },
      ]);
    }
    const { stripeAccountId } = await this.payments.settings(school.id);
    const lines: BalanceLine[] = [];
    for await (const line of this.gateway.balance(stripeAccountId, input.from, input.to)) {
      lines.push(line);
    }
    const ledger = await this.payments.moneyBetween(school.id, input.from, input.to);
    return reconcile(input.from, input.to, lines, ledger, (entry, ref) =>
      this.payments.entryByReference(entry, ref),
    );
  }
}

async function reconcile(
  from: Date,
  to: Date,
  lines: readonly BalanceLine[],
  ledger: readonly LedgerEntry[],
  lookUp: (entry: 'payment' | 'refund', reference: string) => Promise<LedgerEntry | null>,
): Promise<Reconciliation> {
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  let matched = 0;
  const money = lines.filter((l) => l.type === 'charge' || l.type === 'refund');
  for (const line of money) {
    const type = line.type as 'charge' | 'refund';
    const reference = type === 'charge' ? line.paymentIntentId : line.refundId;
    const entryKind = type === 'charge' ? 'payment' : 'refund';
    const entry = reference
      ? (ledger.find((e) => e.entry === entryKind && e.reference === reference) ??
        (await lookUp(entryKind, reference)))
      : null;
    const stripeAmountP = Math.abs(line.amountP);
    if (!entry) {
      mismatches.push({
        kind: 'missing_in_rowan',
        type,
        reference: reference ?? line.id,
        stripeAmountP,
        rowanAmountP: null,
        bookingId: null,
        balanceTransactionId: line.id,
      });
      continue;
    }
    seen.add(`${entry.entry}:${entry.reference}`);
    if (entry.amountP !== stripeAmountP) {
      mismatches.push({
        kind: 'amount_differs',
        type,
        reference: reference as string,
        stripeAmountP,
        rowanAmountP: entry.amountP,
        bookingId: entry.bookingId,
        balanceTransactionId: line.id,
      });
    } else {
      matched++;
    }
  }
  for (const entry of ledger) {
    if (
      (entry.entry === 'payment' || entry.entry === 'refund') &&
      !seen.has(`${entry.entry}:${entry.reference}`)
    ) {
      mismatches.push({
        kind: 'missing_in_stripe',
        type: entry.entry === 'payment' ? 'charge' : 'refund',
        reference: entry.reference ?? entry.id,
        stripeAmountP: null,
        rowanAmountP: entry.amountP,
        bookingId: entry.bookingId,
        balanceTransactionId: null,
      });
    }
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const charges = money.filter((l) => l.type === 'charge');
  const refunds = money.filter((l) => l.type === 'refund');
  const payments = ledger.filter((e) => e.entry === 'payment');
  const refunded = ledger.filter((e) => e.entry === 'refund');
  return {
    from,
    to,
    stripe: {
      charges: charges.length,
      refunds: refunds.length,
      grossP: sum(money.map((l) => l.amountP)),
      feesP: sum(money.map((l) => l.feeP)),
      netP: sum(money.map((l) => l.netP)),
    },
    rowan: {
      payments: payments.length,
      refunds: refunded.length,
      paidP: sum(payments.map((e) => e.amountP)),
      refundedP: sum(refunded.map((e) => e.amountP)),
    },
    matched,
    mismatches,
    clean: mismatches.length === 0,
  };
}
