import { splitRefund, summarise } from './ledger';
import { checkPaymentTerms, NO_PAYMENT_TERMS, quote, type PaymentTerms, type QuoteInput } from './pricing';

const NOW = new Date('2026-12-01T10:00:00Z');
const base: QuoteInput = {
  priceP: 2450,
  priceUnit: 'event',
  sessions: 0,
  terms: NO_PAYMENT_TERMS,
  subsidised: false,
  siblingsBooked: 0,
  now: NOW,
};
const terms = (t: Partial<PaymentTerms>): PaymentTerms => ({ ...NO_PAYMENT_TERMS, ...t });

describe('quote', () => {
  it('charges the price of a trip in full when there are no terms', () => {
    const q = quote(base);
    expect(q).toMatchObject({
      chargeP: 2450,
      subsidyP: 0,
      discountP: 0,
      dueP: 2450,
      dueNowP: 2450,
      balanceP: 0,
    });
    expect(q.lines).toEqual([{ entry: 'charge', label: 'The place', amountP: 2450 }]);
  });

  it('is nothing at all for a free event', () => {
    expect(quote({ ...base, priceP: null })).toMatchObject({ dueP: 0, dueNowP: 0, lines: [] });
  });

  it('multiplies a per-session price by the sessions', () => {
    expect(quote({ ...base, priceP: 150, priceUnit: 'session', sessions: 12 })).toMatchObject({
      chargeP: 1800,
      dueNowP: 1800,
      lines: [{ label: '12 sessions' }],
    });
  });

  it('applies the subsidy only to a subsidised pupil', () => {
    const free = terms({ subsidy: { kind: 'free' } });
    expect(quote({ ...base, terms: free, subsidised: true })).toMatchObject({
      subsidyP: 2450,
      dueP: 0,
      dueNowP: 0,
    });
    expect(quote({ ...base, terms: free, subsidised: false })).toMatchObject({ subsidyP: 0, dueP: 2450 });
  });

  it('rounds a percentage subsidy in the family’s favour', () => {
    const q = quote({
      ...base,
      priceP: 999,
      terms: terms({ subsidy: { kind: 'percent', percent: 50 } }),
      subsidised: true,
    });
    expect(q).toMatchObject({ chargeP: 999, subsidyP: 500, dueP: 499 });
  });

  it('caps a subsidised family’s contribution', () => {
    const capped = terms({ subsidy: { kind: 'cap', maxP: 500 } });
    expect(quote({ ...base, terms: capped, subsidised: true })).toMatchObject({ subsidyP: 1950, dueP: 500 });
    expect(quote({ ...base, priceP: 300, terms: capped, subsidised: true })).toMatchObject({
      subsidyP: 0,
      dueP: 300,
    });
  });

  it('takes the sibling discount off the second child, after the subsidy', () => {
    const t = terms({ siblingDiscountPercent: 10, subsidy: { kind: 'percent', percent: 50 } });
    expect(quote({ ...base, terms: t, siblingsBooked: 0 })).toMatchObject({ discountP: 0, dueP: 2450 });
    const second = quote({ ...base, terms: t, siblingsBooked: 1, subsidised: true });
    expect(second).toMatchObject({ subsidyP: 1225, discountP: 123, dueP: 1102 });
    expect(second.lines.map((l) => l.entry)).toEqual(['charge', 'subsidy', 'discount']);
  });

  it('asks for the deposit now and the balance by its date', () => {
    const due = new Date('2027-01-15T17:00:00Z');
    const q = quote({ ...base, terms: terms({ depositP: 1000, balanceDueAt: due }) });
    expect(q).toMatchObject({ dueP: 2450, dueNowP: 1000, balanceP: 1450, balanceDueAt: due });
  });

  it('asks for everything at once when the balance date has passed or the deposit is not less', () => {
    const past = new Date('2026-11-01T00:00:00Z');
    expect(quote({ ...base, terms: terms({ depositP: 1000, balanceDueAt: past }) })).toMatchObject({
      dueNowP: 2450,
      balanceP: 0,
      balanceDueAt: null,
    });
    const subsidised = quote({
      ...base,
      terms: terms({
        depositP: 1000,
        balanceDueAt: new Date('2027-01-15'),
        subsidy: { kind: 'cap', maxP: 800 },
      }),
      subsidised: true,
    });
    expect(subsidised).toMatchObject({ dueP: 800, dueNowP: 800, balanceP: 0 });
  });
});

describe('checkPaymentTerms', () => {
  const event = { priceP: 2450, startsAt: new Date('2027-02-01T09:00:00Z') };
  const fields = (t: Partial<PaymentTerms>, e: { priceP: number | null; startsAt: Date } = event) =>
    checkPaymentTerms(terms(t), e).map((x) => x.field);

  it('accepts sensible terms', () => {
    expect(
      fields({
        subsidy: { kind: 'percent', percent: 75 },
        siblingDiscountPercent: 10,
        depositP: 500,
        balanceDueAt: new Date('2027-01-10'),
      }),
    ).toEqual([]);
  });

  it('names each field at fault', () => {
    expect(fields({ subsidy: { kind: 'percent', percent: 0 } })).toEqual(['paymentTerms.subsidyPercent']);
    expect(fields({ subsidy: { kind: 'cap', maxP: -1 } })).toEqual(['paymentTerms.subsidyMaxP']);
    expect(fields({ siblingDiscountPercent: 101 })).toEqual(['paymentTerms.siblingDiscountPercent']);
    expect(fields({ depositP: 2450, balanceDueAt: new Date('2027-01-10') })).toEqual([
      'paymentTerms.depositP',
    ]);
    expect(fields({ depositP: 500 })).toEqual(['paymentTerms.balanceDueAt']);
    expect(fields({ depositP: 500, balanceDueAt: new Date('2027-03-01') })).toEqual([
      'paymentTerms.balanceDueAt',
    ]);
  });

  it('measures a deposit against every session of a per-session price', () => {
    const club = {
      priceP: 150,
      priceUnit: 'session' as const,
      sessions: [1, 2, 3, 4].map((d) => new Date(`2027-01-0${d}T15:00:00Z`)),
      startsAt: new Date('2027-01-01T15:00:00Z'),
    };
    const deposit = { depositP: 300, balanceDueAt: new Date('2026-12-20') };
    expect(checkPaymentTerms(terms(deposit), club)).toEqual([]);
    expect(checkPaymentTerms(terms({ ...deposit, depositP: 600 }), club).map((e) => e.field)).toEqual([
      'paymentTerms.depositP',
    ]);
  });

  it('refuses terms on a free event', () => {
    expect(fields({ siblingDiscountPercent: 10 }, { ...event, priceP: null })).toEqual(['paymentTerms']);
  });
});

describe('the ledger', () => {
  it('sums a booking’s lines and what is left to pay or refund', () => {
    const s = summarise(
      [
        { entry: 'charge', amountP: 2450 },
        { entry: 'subsidy', amountP: 1225 },
        { entry: 'payment', amountP: 1000 },
        { entry: 'refund', amountP: 300 },
      ],
      true,
    );
    expect(s).toEqual({
      chargeP: 2450,
      subsidyP: 1225,
      discountP: 0,
      dueP: 1225,
      paidP: 1000,
      refundedP: 300,
      outstandingP: 225,
      refundableP: 700,
    });
    expect(summarise([{ entry: 'charge', amountP: 2450 }], false).outstandingP).toBe(0);
  });

  it('refunds the newest payment first and never more than was paid', () => {
    const payments = [
      { paymentIntentId: 'pi_balance', paidP: 1450, refundedP: 0 },
      { paymentIntentId: 'pi_deposit', paidP: 1000, refundedP: 200 },
    ];
    expect(splitRefund(1600, payments)).toEqual([
      { paymentIntentId: 'pi_balance', amountP: 1450 },
      { paymentIntentId: 'pi_deposit', amountP: 150 },
    ]);
    expect(splitRefund(2251, payments)).toBeNull();
  });
});
