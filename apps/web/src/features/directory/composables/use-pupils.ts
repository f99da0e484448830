import { watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useCursorList } from '../../../composables/use-cursor-list';
import type { PupilSummary } from '../directory-types';
import type { PupilFilters } from './use-pupil-filters';

const PAGE_SIZE = 50;

/** A school's pupils from its MIS: on roll or leavers, by name or UPN, year and registration class. */
export function usePupils(schoolId: Ref<string>, filters: Ref<PupilFilters>) {
  const list = useCursorList<PupilSummary>((cursor) => {
    const f = filters.value;
    return unwrap(
      api().GET('/api/v1/schools/{schoolId}/pupils', {
        params: {
          path: { schoolId: schoolId.value },
          query: {
            limit: PAGE_SIZE,
            enrolment: f.enrolment,
            ...(cursor ? { cursor } : {}),
            ...(f.search ? { search: f.search } : {}),
            ...(f.ncYear ? { ncYear: Number(f.ncYear) } : {}),
            ...(f.registrationGroup ? { registrationGroup: f.registrationGroup } : {}),
          },
        },
      }),
    );
  });

  watch([schoolId, filters], () => void list.reload(), { immediate: true });

  return list;
}
