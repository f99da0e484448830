import type { FieldError } from '@rowan/kernel';

/**
 * What a Pupil Premium or free-school-meals pupil's family pays instead of the price:
 * - `free`: nothing; `percent`: the school pays that share (rounded to the penny, in the family's favour);
 * - `cap`: the family contributes at most `maxP` pence and the school pays the rest.
 */
export type Subsidy =
  | { readonly kind: 'none' }
  | { readonly kind: 'free' }
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'cap'; readonly maxP: number };

/** How a priced event is paid for, beside its price. */
export interface PaymentTerms {
  readonly subsidy: Subsidy;
  /** Off the second and later children of one family booked on the event (after any subsidy); 0 for none. */
  readonly siblingDiscountPercent: number;
  /** Paid when booking; the rest is due by `balanceDueAt`. Null: everything is paid when booking. */
  readonly depositP: number | null;
  readonly balanceDueAt: Date | null;
}

export const NO_PAYMENT_TERMS: PaymentTerms = {
  subsidy: { kind: 'none' },
  siblingDiscountPercent: 0,
  depositP: null,
  balanceDueAt: null,
};

/** One line of what a family is asked to pay, as shown before they pay; amounts in pence. */
export interface PriceLine {
  readonly entry: 'charge' | 'subsidy' | 'discount';
  readonly label: string;
  readonly amountP: number;
}

/** A booking's price for one child: the lines, what is due in all, and what is due now. */
export interface Quote {
  readonly lines: readonly PriceLine[];
  readonly chargeP: number;
  readonly subsidyP: number;
  readonly discountP: number;
  /** charge − subsidy − discount. */
  readonly dueP: number;
  /** What booking asks for now: the deposit, or everything. 0 when nothing is to pay. */
  readonly dueNowP: number;
  /** What is left after the deposit, and by when. */
  readonly balanceP: number;
  readonly balanceDueAt: Date | null;
}

export interface QuoteInput {
  readonly priceP: number | null;
  readonly priceUnit: 'event' | 'term' | 'session' | null;
  readonly sessions: number;
  readonly terms: PaymentTerms;
  /** Pupil Premium or free school meals: the subsidy applies. */
  readonly subsidised: boolean;
  /** Other children of the family already booked on the event (their bookings hold or wait for a place). */
  readonly siblingsBooked: number;
  readonly now: Date;
}

/** The price of one child's place. Pure: the same input always gives the same pence. */
export function quote(input: QuoteInput): Quote {
  if (input.priceP === null || input.priceP <= 0) {
    return {
      lines: [],
      chargeP: 0,
      subsidyP: 0,
      discountP: 0,
      dueP: 0,
      dueNowP: 0,
      balanceP: 0,
      balanceDueAt: null,
    };
  }
  const perSession = input.priceUnit === 'session';
  const chargeP = perSession ? input.priceP * input.sessions : input.priceP;
  const lines: PriceLine[] = [
    {
      entry: 'charge',
      label: perSession
        ? `${input.sessions} sessions`
        : input.priceUnit === 'term'
          ? 'The term'
          : 'The place',
      amountP: chargeP,
    },
  ];
  const subsidyP = input.subsidised ? subsidyOf(input.terms.subsidy, chargeP) : 0;
  if (subsidyP > 0) {
    lines.push({
      entry: 'subsidy',
      label: 'School subsidy (Pupil Premium or free school meals)',
      amountP: subsidyP,
    });
  }
  const afterSubsidy = chargeP - subsidyP;
  const discountP =
    input.siblingsBooked > 0 && input.terms.siblingDiscountPercent > 0
      ? Math.ceil((afterSubsidy * input.terms.siblingDiscountPercent) / 100)
      : 0;
  if (discountP > 0) {
    lines.push({
      entry: 'discount',
      label: `Sibling discount (${input.terms.siblingDiscountPercent}%)`,
      amountP: discountP,
    });
  }
  const dueP = afterSubsidy - discountP;
  const deposit = input.terms.depositP;
  const balanceDueAt = input.terms.balanceDueAt;
  const split = deposit !== null && deposit < dueP && balanceDueAt !== null && balanceDueAt > input.now;
  const dueNowP = split ? deposit : dueP;
  return {
    lines,
    chargeP,
    subsidyP,
    discountP,
    dueP,
    dueNowP,
    balanceP: dueP - dueNowP,
    balanceDueAt: split ? balanceDueAt : null,
  };
}

function subsidyOf(subsidy: Subsidy, chargeP: number): number {
  switch (subsidy.kind) {
    case 'none':
      return 0;
    case 'free':
      return chargeP;
    case 'percent':
      return Math.min(chargeP, Math.ceil((chargeP * subsidy.percent) / 100));
    case 'cap':
      return Math.max(0, chargeP - subsidy.maxP);
  }
}

/** The terms' own rules, against the event's price and start; field names under `paymentTerms`. */
export function checkPaymentTerms(
  terms: PaymentTerms,
  event: {
    readonly priceP: number | null;
    readonly startsAt: Date;
    readonly priceUnit?: 'event' | 'term' | 'session' | null;
    readonly sessions?: readonly Date[];
  },
): FieldError[] {
  const errors: FieldError[] = [];
  const priced = event.priceP !== null && event.priceP > 0;
  // A per-session price is paid for every session at once: the deposit is part of that whole.
  const wholeP =
    (event.priceP ?? 0) * (event.priceUnit === 'session' ? Math.max(1, event.sessions?.length ?? 1) : 1);
  const anything =
    terms.subsidy.kind !== 'none' ||
    terms.siblingDiscountPercent > 0 ||
    terms.depositP !== null ||
    terms.balanceDueAt;
  if (!priced && anything) {
    return [{ field: 'paymentTerms', message: 'are for a priced event; this event is free' }];
  }
  const s = terms.subsidy;
  if (s.kind === 'percent' && !(Number.isInteger(s.percent) && s.percent >= 1 && s.percent <= 100)) {
    errors.push({ field: 'paymentTerms.subsidyPercent', message: 'a whole number from 1 to 100' });
  }
  if (s.kind === 'cap' && !(Number.isSafeInteger(s.maxP) && s.maxP >= 0)) {
    errors.push({ field: 'paymentTerms.subsidyMaxP', message: 'a whole number of pence, 0 or more' });
  }
  const pct = terms.siblingDiscountPercent;
  if (!(Number.isInteger(pct) && pct >= 0 && pct <= 100)) {
    errors.push({ field: 'paymentTerms.siblingDiscountPercent', message: 'a whole number from 0 to 100' });
  }
  if (terms.depositP !== null) {
    if (!(Number.isSafeInteger(terms.depositP) && terms.depositP > 0)) {
      errors.push({ field: 'paymentTerms.depositP', message: 'a whole number of pence above 0' });
    } else if (priced && terms.depositP >= wholeP) {
      errors.push({ field: 'paymentTerms.depositP', message: 'must be less than the price' });
    }
    if (!terms.balanceDueAt) {
      errors.push({ field: 'paymentTerms.balanceDueAt', message: 'is needed with a deposit' });
    }
  }
  if (terms.balanceDueAt && terms.depositP === null) {
    errors.push({ field: 'paymentTerms.balanceDueAt', message: 'is for a deposit; set depositP too' });
  } else if (terms.balanceDueAt && terms.balanceDueAt.getTime() > event.startsAt.getTime()) {
    errors.push({ field: 'paymentTerms.balanceDueAt', message: 'must be before the event starts' });
  }
  return errors;
}
