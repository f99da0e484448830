import { computed, ref, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

export type Evening = components['schemas']['ParentsEveningDto'];
export type TeacherAppointment = components['schemas']['TeacherAppointmentListDto']['items'][number];

/** An evening's slot grid, publishing, one teacher's appointment list (or everyone's) and cancelling for a parent. */
export function useParentsEvening(schoolId: Ref<string>, eventId: Ref<string>) {
  const path = () => ({ path: { schoolId: schoolId.value, eventId: eventId.value } });
  const evening = useResource([schoolId, eventId], () =>
    unwrap(api().GET('/api/v1/schools/{schoolId}/parents-evenings/{eventId}', { params: path() })),
  );
  const staffId = ref('');
  const appointments = useResource(
    [schoolId, eventId, staffId],
    async () =>
      (
        await unwrap(
          api().GET('/api/v1/schools/{schoolId}/parents-evenings/{eventId}/appointments', {
            params: { ...path(), query: staffId.value ? { staffId: staffId.value } : {} },
          }),
        )
      ).items,
  );
  const publish = useSubmit(async () => {
    await unwrap(api().POST('/api/v1/schools/{schoolId}/events/{eventId}/publish', { params: path() }));
    await evening.reload();
  });
  /** Staff cancel an appointment for a parent: the grid and the list both show the slot free again. */
  const cancel = useSubmit(async (appointmentId: string) => {
    await unwrap(
      api().POST(
        '/api/v1/schools/{schoolId}/parents-evenings/{eventId}/appointments/{appointmentId}/cancel',
        {
          params: { path: { schoolId: schoolId.value, eventId: eventId.value, appointmentId } },
        },
      ),
    );
    await Promise.all([evening.reload(), appointments.reload()]);
    return true;
  });
  watch(eventId, () => (staffId.value = ''));

  /** Rows of the grid: one per start time, a cell per teacher. */
  const grid = computed(() => {
    const e = evening.data.value;
    if (!e) {
      return { teachers: [], rows: [] };
    }
    const starts = [...new Set(e.slots.map((s) => s.startsAt))].sort();
    return {
      teachers: e.teachers,
      rows: starts.map((startsAt) => ({
        startsAt,
        cells: e.teachers.map(
          (t) => e.slots.find((s) => s.staffId === t.staffId && s.startsAt === startsAt) ?? null,
        ),
      })),
    };
  });
  return { ...evening, grid, staffId, appointments, publish, cancel };
}
