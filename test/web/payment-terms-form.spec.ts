import { ApiError } from '../../apps/web/src/api/problem';
import { emptyPaymentTerms, toPaymentTerms } from '../../apps/web/src/features/events/payment-terms-form';

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
