import { reactive, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';
import { londonToIso } from '../../../lib/london-time';

export type StaffMember = components['schemas']['StaffMemberDto'];
export type Group = components['schemas']['PupilGroupDto'];

interface TeacherForm {
  staffId: string;
  groupIds: string[];
  from: string;
  to: string;
  breakFrom: string;
  breakTo: string;
}

/** "16:30" on the evening's date, London wall time, as an ISO instant. */
function on(date: string, time: string): string {
  const [h, m] = time.split(':').map(Number);
  return londonToIso(date, h ?? 0, m ?? 0);
}

/** The setup form: teachers from the directory's staff, each with classes, a window and an optional break. */
export function useSetUpEvening(schoolId: Ref<string>) {
  const form = reactive({
    title: '',
    date: '',
    slotMinutes: '10',
    mode: 'in_person' as 'in_person' | 'video',
    videoLink: '',
    separateBookings: false,
    ncYears: '',
    teachers: [] as TeacherForm[],
  });
  const staff = useResource(
    [schoolId],
    async () =>
      (
        await unwrap(
          api().GET('/api/v1/schools/{schoolId}/staff', {
            params: { path: { schoolId: schoolId.value }, query: { limit: 200 } },
          }),
        )
      ).items,
  );
  const groups = useResource(
    [schoolId],
    async () =>
      (
        await unwrap(
          api().GET('/api/v1/schools/{schoolId}/groups', {
            params: { path: { schoolId: schoolId.value }, query: { limit: 200, kind: 'teaching' } },
          }),
        )
      ).items,
  );
  watch(schoolId, () => (form.teachers = []));

  const addTeacher = (staffId: string) => {
    if (staffId && !form.teachers.some((t) => t.staffId === staffId)) {
      form.teachers.push({ staffId, groupIds: [], from: '16:00', to: '19:00', breakFrom: '', breakTo: '' });
    }
  };
  const removeTeacher = (staffId: string) => {
    form.teachers = form.teachers.filter((t) => t.staffId !== staffId);
  };

  const save = useSubmit(() =>
    unwrap(
      api().POST('/api/v1/schools/{schoolId}/parents-evenings', {
        params: { path: { schoolId: schoolId.value } },
        body: {
          title: form.title,
          slotMinutes: Number(form.slotMinutes),
          mode: form.mode,
          ...(form.mode === 'video' ? { videoLink: form.videoLink } : {}),
          separateBookings: form.separateBookings,
          eligibility: {
            ncYears: form.ncYears
              .split(/[,\s]+/)
              .filter(Boolean)
              .map(Number),
          },
          teachers: form.teachers.map((t) => ({
            staffId: t.staffId,
            groupIds: t.groupIds,
            windows: [{ from: on(form.date, t.from), to: on(form.date, t.to) }],
            breaks:
              t.breakFrom && t.breakTo
                ? [{ from: on(form.date, t.breakFrom), to: on(form.date, t.breakTo) }]
                : [],
          })),
        },
      }),
    ),
  );
  return { form, staff, groups, addTeacher, removeTeacher, save };
}
