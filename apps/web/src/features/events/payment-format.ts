import type { Tone } from '../../ui/types';

/** Ledger entries as staff read them. */
export const LEDGER_ENTRY: Record<string, string> = {
  charge: 'Charge',
  subsidy: 'School subsidy',
  discount: 'Sibling discount',
  payment: 'Payment',
  refund: 'Refund',
};

export const PAYMENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  pending: { label: 'To pay', tone: 'warning' },
  paid: { label: 'Paid', tone: 'success' },
  lapsed: { label: 'Lapsed', tone: 'neutral' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral' },
  refund_due: { label: 'Refund due', tone: 'warning' },
  refunded: { label: 'Refunded', tone: 'info' },
};

export const PAYMENT_PURPOSE: Record<string, string> = {
  full: 'In full',
  deposit: 'Deposit',
  balance: 'Balance',
};
