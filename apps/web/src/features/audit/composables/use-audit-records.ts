import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { AuditRecord } from '../../../api/types';
import { useCursorList } from '../../../composables/use-cursor-list';
import { endOfLondonDay, startOfLondonDay } from '../../../lib/london-time';

export interface AuditFilters {
  readonly action: string;
  /** What the change was to (`booking`, `event`, …), and optionally which one (its id). */
  readonly targetType: string;
  readonly targetId: string;
  /** `YYYY-MM-DD`, a day in Europe/London; empty for no limit. */
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', targetType: '', targetId: '', from: '', to: '' };

const PAGE_SIZE = 50;

/** A school's audit trail, newest first, filtered by action and by whole days in UK time (`to` is exclusive). */
export function useAuditRecords(schoolId: Ref<string>, filters: Ref<AuditFilters>) {
  const list = useCursorList<AuditRecord>((cursor) => {
    const f = filters.value;
    return unwrap(
      api().GET('/api/v1/schools/{schoolId}/audit-records', {
        params: {
          path: { schoolId: schoolId.value },
          query: {
            limit: PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
            ...(f.action ? { action: f.action } : {}),
            ...(f.targetType ? { targetType: f.targetType } : {}),
            ...(f.targetId.trim() ? { targetId: f.targetId.trim() } : {}),
            ...(f.from ? { from: startOfLondonDay(f.from) } : {}),
            ...(f.to ? { to: endOfLondonDay(f.to) } : {}),
          },
        },
      }),
    );
  });

  watch([schoolId, filters], () => void list.reload(), { immediate: true });

  return list;
}
