import { ref, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { inLondon } from '../../../lib/format';
import { startOfLondonDay } from '../../../lib/london-time';

/** `YYYY-MM` of this month in London. */
export function thisMonth(now = new Date()): string {
  const p = inLondon(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** A London month as the API's period: from its first midnight (inclusive) to the next month's (exclusive). */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: startOfLondonDay(`${month}-01`), to: startOfLondonDay(`${next}-01`) };
}

/** Rowan's ledger against Stripe for the chosen month (GET …/payments/reconciliation). */
export function useReconciliation(schoolId: Ref<string>) {
  const month = ref(thisMonth());
  const result = useResource([schoolId, month], () => {
    const query = monthPeriod(month.value);
    return unwrap(
      api().GET('/api/v1/schools/{schoolId}/payments/reconciliation', {
        params: { path: { schoolId: schoolId.value }, query },
      }),
    );
  });
  return { month, result };
}
