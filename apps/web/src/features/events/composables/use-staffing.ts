import { computed, ref, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

export type ScheduleItem = components['schemas']['ScheduleItemDto'];
export type StaffRole = 'lead' | 'helper';

/** Who is on an event, and assigning someone: the answer's clashes are kept to show as a warning. */
export function useEventStaff(schoolId: Ref<string>, eventId: Ref<string>) {
  const path = () => ({ path: { schoolId: schoolId.value, eventId: eventId.value } });
  const staff = useResource([schoolId, eventId], () =>
    unwrap(api().GET('/api/v1/schools/{schoolId}/events/{eventId}/staff', { params: path() })),
  );
  const clashes = ref<ScheduleItem[]>([]);
  const assign = useSubmit(async (staffId: string, role: StaffRole, sessionAt: string | null) => {
    const result = await unwrap(
      api().POST('/api/v1/schools/{schoolId}/events/{eventId}/staff', {
        params: path(),
        body: { staffId, role, ...(sessionAt ? { sessionAt } : {}) },
      }),
    );
    clashes.value = result.clashes;
    await staff.reload();
    return result;
  });
  const items = computed(() => staff.data.value?.items ?? []);
  return { ...staff, items, clashes, assign };
}

/** The signed-in member of staff's own schedule. */
export function useMySchedule() {
  const schedule = useResource([], () => unwrap(api().GET('/api/v1/me/schedule')));
  return { ...schedule, items: computed(() => schedule.data.value?.items ?? []) };
}

/** The school's staff as the directory records them, for the assign form (the first 200 by surname). */
export function useStaffOptions(schoolId: Ref<string>) {
  const staff = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/staff', {
        params: { path: { schoolId: schoolId.value }, query: { limit: 200 } },
      }),
    ),
  );
  return computed(() =>
    (staff.data.value?.items ?? []).map((s) => ({ value: s.id, label: `${s.forename} ${s.surname}` })),
  );
}
