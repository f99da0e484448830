import { reactive, ref, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { useCursorList } from '../../../composables/use-cursor-list';
import { useResource } from '../../../composables/use-resource';
import type { ExportFormat } from './use-report-download';

type Ok<P> = P extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type EventEquity = Ok<paths['/api/v1/schools/{schoolId}/events/{eventId}/reports/equity']['get']>;
export type SchoolEquity = Ok<paths['/api/v1/schools/{schoolId}/reports/equity']['get']>;
export type Equity = Pick<EventEquity, 'all' | 'lines'>;
export type GroupReport = Ok<paths['/api/v1/schools/{schoolId}/reports/group-participation']['get']>;
export type TrustEvents = Ok<paths['/api/v1/trusts/{trustId}/reports/events']['get']>;
type ParticipationPage = Ok<
  paths['/api/v1/schools/{schoolId}/events/{eventId}/reports/participation']['get']
>;
export type ParticipationLine = ParticipationPage['items'][number];

/** A report's date range: the current academic year (1 September to 31 August) until changed. */
export interface ReportDates {
  from: string;
  to: string;
}

export function academicYear(today = new Date()): ReportDates {
  const start = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** A form whose values are read from the API only once applied. */
function applied<T extends object>(initial: T) {
  const form = reactive({ ...initial }) as T;
  const current = ref({ ...initial }) as Ref<T>;
  return { form, current, apply: () => void (current.value = { ...form }) };
}

/** Every invited pupil of an event, 200 at a time, and the summary beside them. */
export function useEventParticipation(schoolId: Ref<string>, eventId: Ref<string>) {
  const header = ref<Omit<ParticipationPage, 'items' | 'nextCursor'> | null>(null);
  const list = useCursorList<ParticipationLine & { id: string }>(async (cursor) => {
    const { items, nextCursor, ...rest } = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/events/{eventId}/reports/participation', {
        params: {
          path: { schoolId: schoolId.value, eventId: eventId.value },
          query: { limit: 200, ...(cursor ? { cursor } : {}) },
        },
      }),
    );
    header.value = rest;
    return { nextCursor, items: items.map((i) => ({ ...i, id: i.pupilId })) };
  });
  watch([schoolId, eventId], () => void list.reload(), { immediate: true });
  const file = (format: ExportFormat) =>
    api().GET('/api/v1/schools/{schoolId}/events/{eventId}/reports/participation/export', {
      params: { path: { schoolId: schoolId.value, eventId: eventId.value }, query: { format } },
      parseAs: 'blob',
    });
  return { list, header, file };
}

export function useEventEquity(schoolId: Ref<string>, eventId: Ref<string>) {
  const report = useResource([schoolId, eventId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/events/{eventId}/reports/equity', {
        params: { path: { schoolId: schoolId.value, eventId: eventId.value } },
      }),
    ),
  );
  const file = (format: ExportFormat) =>
    api().GET('/api/v1/schools/{schoolId}/events/{eventId}/reports/equity/export', {
      params: { path: { schoolId: schoolId.value, eventId: eventId.value }, query: { format } },
      parseAs: 'blob',
    });
  return { report, file };
}

export function useSchoolEquity(schoolId: Ref<string>) {
  const dates = applied<ReportDates>(academicYear());
  const report = useResource([schoolId, dates.current], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/reports/equity', {
        params: { path: { schoolId: schoolId.value }, query: dates.current.value },
      }),
    ),
  );
  const file = (format: ExportFormat) =>
    api().GET('/api/v1/schools/{schoolId}/reports/equity/export', {
      params: { path: { schoolId: schoolId.value }, query: { ...dates.current.value, format } },
      parseAs: 'blob',
    });
  return { ...dates, report, file };
}

/** A year group (`year`, NC year as text) or a class, over a date range. */
export interface GroupQuery extends ReportDates {
  by: 'year' | 'class';
  ncYear: string;
  registrationGroup: string;
}

const groupParams = (q: GroupQuery) =>
  q.by === 'year'
    ? { from: q.from, to: q.to, ncYear: Number(q.ncYear) }
    : { from: q.from, to: q.to, registrationGroup: q.registrationGroup };

export function useGroupParticipation(schoolId: Ref<string>) {
  const query = applied<GroupQuery>({ ...academicYear(), by: 'year', ncYear: '5', registrationGroup: '' });
  const report = useResource([schoolId, query.current], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/reports/group-participation', {
        params: { path: { schoolId: schoolId.value }, query: groupParams(query.current.value) },
      }),
    ),
  );
  const file = (format: ExportFormat) =>
    api().GET('/api/v1/schools/{schoolId}/reports/group-participation/export', {
      params: { path: { schoolId: schoolId.value }, query: { ...groupParams(query.current.value), format } },
      parseAs: 'blob',
    });
  return { ...query, report, file };
}

export function useTrustEvents(trustId: Ref<string>) {
  const dates = applied<ReportDates>(academicYear());
  const report = useResource([trustId, dates.current], () =>
    unwrap(
      api().GET('/api/v1/trusts/{trustId}/reports/events', {
        params: { path: { trustId: trustId.value }, query: dates.current.value },
      }),
    ),
  );
  const file = (format: ExportFormat) =>
    api().GET('/api/v1/trusts/{trustId}/reports/events/export', {
      params: { path: { trustId: trustId.value }, query: { ...dates.current.value, format } },
      parseAs: 'blob',
    });
  return { ...dates, report, file };
}
