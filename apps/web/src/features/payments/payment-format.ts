/** Reconciliation's findings as the office reads them. */
export const MISMATCH_KIND: Record<string, string> = {
  missing_in_rowan: 'In Stripe, not in Rowan',
  missing_in_stripe: 'In Rowan, not in Stripe',
  amount_differs: 'Amounts differ',
};

export const MISMATCH_TYPE: Record<string, string> = { charge: 'Payment', refund: 'Refund' };

export const CANCELLATION_REFUND_OPTIONS = [
  { value: 'full', label: 'Refund in full' },
  { value: 'keep_deposit', label: 'Keep the deposit' },
  { value: 'none', label: 'No refund' },
] as const;
