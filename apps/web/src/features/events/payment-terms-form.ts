import { ApiError } from '../../api/problem';
import type { components } from '../../api/schema';
import { parsePounds } from '../../lib/format';
import { isoToLondonInput, londonToIso } from '../../lib/london-time';

type PaymentTerms = components['schemas']['PaymentTermsDto'];

/** The payment terms as the form holds them: text, pounds and a due day as people type them. */
export interface PaymentTermsForm {
  subsidy: PaymentTerms['subsidy'];
  subsidyPercent: string;
  subsidyMax: string;
  siblingDiscountPercent: string;
  deposit: string;
  balanceDueOn: string;
}

export const emptyPaymentTerms = (): PaymentTermsForm => ({
  subsidy: 'none',
  subsidyPercent: '50',
  subsidyMax: '',
  siblingDiscountPercent: '0',
  deposit: '',
  balanceDueOn: '',
});

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * The request's `paymentTerms`, or a client-side problem naming the fields as the API would
 * (`paymentTerms.depositP`), so both show beside the same field. The balance is due by the end of its day.
 */
export function toPaymentTerms(form: PaymentTermsForm): PaymentTerms {
  const errors: { field: string; message: string }[] = [];
  const pounds = (text: string, field: string): number | null => {
    const p = parsePounds(text);
    if (p === null) {
      errors.push({ field, message: 'Enter an amount in pounds, like 5.00' });
    }
    return p;
  };
  const depositP = form.deposit.trim() ? pounds(form.deposit, 'paymentTerms.depositP') : null;
  const terms: PaymentTerms = {
    subsidy: form.subsidy,
    subsidyPercent: form.subsidy === 'percent' ? whole(form.subsidyPercent) : null,
    subsidyMaxP: form.subsidy === 'cap' ? pounds(form.subsidyMax, 'paymentTerms.subsidyMaxP') : null,
    siblingDiscountPercent: form.siblingDiscountPercent.trim() ? whole(form.siblingDiscountPercent) : 0,
    depositP,
    balanceDueAt: depositP !== null && form.balanceDueOn ? londonToIso(form.balanceDueOn, 23, 59) : null,
  };
  if (Number.isNaN(terms.subsidyPercent)) {
    errors.push({ field: 'paymentTerms.subsidyPercent', message: 'Enter a whole number from 1 to 100' });
  }
  if (Number.isNaN(terms.siblingDiscountPercent)) {
    errors.push({
      field: 'paymentTerms.siblingDiscountPercent',
      message: 'Enter a whole number from 0 to 100',
    });
  }
  if (errors.length) {
    throw new ApiError({ type: 'about:blank#client', title: 'Check the payment terms', status: 400, errors });
  }
  return terms;
}

/** Saved payment terms back into the form's text (editing an event); the empty form when there are none. */
export function fromPaymentTerms(terms: PaymentTerms | null | undefined): PaymentTermsForm {
  if (!terms) {
    return emptyPaymentTerms();
  }
  const pounds = (p: number | null | undefined) =>
    p === null || p === undefined ? '' : (p / 100).toFixed(2);
  return {
    subsidy: terms.subsidy,
    subsidyPercent: terms.subsidyPercent ? String(terms.subsidyPercent) : '50',
    subsidyMax: pounds(terms.subsidyMaxP),
    siblingDiscountPercent: String(terms.siblingDiscountPercent ?? 0),
    deposit: pounds(terms.depositP),
    balanceDueOn: terms.balanceDueAt ? isoToLondonInput(terms.balanceDueAt).slice(0, 10) : '',
  };
}
