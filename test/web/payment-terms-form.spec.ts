import { ApiError } from '../../apps/web/src/api/problem';
import {
  emptyPaymentTerms,
  fromPaymentTerms,
  toPaymentTerms,
  type PaymentTermsForm,
} from '../../apps/web/src/features/events/payment-terms-form';
import { isoToLondonInput, londonToIso } from '../../apps/web/src/lib/london-time';

/** The new-event form's payment terms: pounds typed become pence, and a bad entry names the API's field. */
describe('toPaymentTerms', () => {
  it('sends a percentage subsidy, a sibling discount and a deposit with its balance due at the end of the day', () => {
    const terms = toPaymentTerms({
      ...emptyPaymentTerms(),
      subsidy: 'percent',
      subsidyPercent: '50',
      siblingDiscountPercent: '10',
      deposit: '5.00',
      balanceDueOn: '2031-01-15',
    });
    expect(terms).toEqual({
      subsidy: 'percent',
      subsidyPercent: 50,
      subsidyMaxP: null,
      siblingDiscountPercent: 10,
      depositP: 500,
      balanceDueAt: '2031-01-15T23:59:00.000Z',
    });
  });

  it('sends a cap in pence and no deposit when none is typed', () => {
    expect(toPaymentTerms({ ...emptyPaymentTerms(), subsidy: 'cap', subsidyMax: '2.50' })).toMatchObject({
      subsidyMaxP: 250,
      subsidyPercent: null,
      depositP: null,
      balanceDueAt: null,
    });
  });

  it('names the fields at fault as the API does', () => {
    const bad = () =>
      toPaymentTerms({
        ...emptyPaymentTerms(),
        subsidy: 'percent',
        subsidyPercent: 'half',
        deposit: '£5.0.0',
      });
    expect(bad).toThrow(ApiError);
    try {
      bad();
    } catch (e) {
      expect((e as ApiError).fieldErrors.map((f) => f.field)).toEqual([
        'paymentTerms.depositP',
        'paymentTerms.subsidyPercent',
      ]);
    }
  });
});

describe('payment terms back into the form (editing an event)', () => {
  it('gives back what toPaymentTerms read, for every kind of subsidy and a deposit', () => {
    const forms: PaymentTermsForm[] = [
      { ...emptyPaymentTerms() },
      { ...emptyPaymentTerms(), subsidy: 'free', siblingDiscountPercent: '10' },
      { ...emptyPaymentTerms(), subsidy: 'percent', subsidyPercent: '75' },
      {
        ...emptyPaymentTerms(),
        subsidy: 'cap',
        subsidyMax: '4.50',
        deposit: '5.00',
        balanceDueOn: '2027-03-31',
      },
    ];
    for (const form of forms) {
      expect(toPaymentTerms(fromPaymentTerms(toPaymentTerms(form)))).toEqual(toPaymentTerms(form));
      expect(fromPaymentTerms(toPaymentTerms(form))).toMatchObject({
        subsidy: form.subsidy,
        deposit: form.deposit,
        balanceDueOn: form.balanceDueOn,
      });
    }
  });

  it('gives the empty form for an event without terms', () => {
    expect(fromPaymentTerms(null)).toEqual(emptyPaymentTerms());
  });
});

describe('isoToLondonInput', () => {
  it('shows an instant as London wall time, in summer and in winter', () => {
    expect(isoToLondonInput('2027-07-01T08:30:00.000Z')).toBe('2027-07-01T09:30');
    expect(isoToLondonInput('2027-01-15T08:30:00.000Z')).toBe('2027-01-15T08:30');
    expect(isoToLondonInput(null)).toBe('');
  });

  it('is what londonToIso reads back', () => {
    const value = isoToLondonInput('2027-03-28T00:45:00.000Z');
    const [date, time] = value.split('T') as [string, string];
    const [h, m] = time.split(':').map(Number) as [number, number];
    expect(londonToIso(date, h, m)).toBe('2027-03-28T00:45:00.000Z');
  });
});
