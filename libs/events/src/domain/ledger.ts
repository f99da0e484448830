/** The ledger's kinds of line, in pence: what was charged, taken off, paid and given back. */
export interface LedgerLine {
  readonly entry: 'charge' | 'subsidy' | 'discount' | 'payment' | 'refund';
  readonly amountP: number;
}

/** A booking's money at a glance. */
export interface MoneySummary {
  readonly chargeP: number;
  readonly subsidyP: number;
  readonly discountP: number;
  /** What the family owes in all: charge − subsidy − discount. */
  readonly dueP: number;
  readonly paidP: number;
  readonly refundedP: number;
  /** Still to pay on a live booking: due − paid (never below 0); 0 on a cancelled one. */
  readonly outstandingP: number;
  /** What could still be refunded: paid − refunded. */
  readonly refundableP: number;
}

export function summarise(lines: readonly LedgerLine[], live: boolean): MoneySummary {
  const sum = (entry: LedgerLine['entry']) =>
    lines.filter((l) => l.entry === entry).reduce((total, l) => total + l.amountP, 0);
  const chargeP = sum('charge');
  const subsidyP = sum('subsidy');
  const discountP = sum('discount');
  const paidP = sum('payment');
  const refundedP = sum('refund');
  const dueP = chargeP - subsidyP - discountP;
  return {
    chargeP,
    subsidyP,
    discountP,
    dueP,
    paidP,
    refundedP,
    outstandingP: live ? Math.max(0, dueP - paidP) : 0,
    refundableP: paidP - refundedP,
  };
}

/**
 * Splits a refund across a booking's payments, newest first, never more than what is left of each.
 * Answers the parts, or null when the amount is more than can be refunded.
 */
export function splitRefund(
  amountP: number,
  payments: readonly {
    readonly paymentIntentId: string;
    readonly paidP: number;
    readonly refundedP: number;
  }[],
): { readonly paymentIntentId: string; readonly amountP: number }[] | null {
  let left = amountP;
  const parts: { paymentIntentId: string; amountP: number }[] = [];
  for (const p of payments) {
    const room = p.paidP - p.refundedP;
    if (left <= 0 || room <= 0) {
      continue;
    }
    const take = Math.min(room, left);
    parts.push({ paymentIntentId: p.paymentIntentId, amountP: take });
    left -= take;
  }
  return left > 0 ? null : parts;
}
