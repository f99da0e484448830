import { reactive, ref, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';

type SchoolReportPath = paths['/api/v1/schools/{schoolId}/messaging-analytics']['get'];
type TrustReportPath = paths['/api/v1/trusts/{trustId}/messaging-analytics']['get'];
export type SchoolReport = SchoolReportPath['responses'][200]['content']['application/json'];
export type TrustReport = TrustReportPath['responses'][200]['content']['application/json'];
export type ReportPeriod = SchoolReport['periods'][number];
export type ReportFigures = SchoolReport['totals'];
export type Interval = 'week' | 'month';

/** What the controls ask for; applied (and read from the API) only when the form is submitted. */
export interface ReportQuery {
  interval: Interval;
  from: string;
  to: string;
}

const ukToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** Twelve whole months (or weeks) up to today, UK time. */
export function defaultQuery(interval: Interval = 'month'): ReportQuery {
  const to = ukToday();
  const end = new Date(`${to}T00:00:00Z`);
  if (interval === 'week') {
    return { interval, to, from: new Date(end.getTime() - 11 * 7 * 86_400_000).toISOString().slice(0, 10) };
  }
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() - 11);
  return { interval, to, from: end.toISOString().slice(0, 10) };
}

function useReport<T>(load: (query: ReportQuery) => Promise<T>, sources: Ref<string>[]) {
  const form = reactive<ReportQuery>(defaultQuery());
  const applied = ref<ReportQuery>({ ...form });
  const report = useResource([...sources, applied], () => load(applied.value));
  const apply = () => {
    applied.value = { ...form };
  };
  return { form, applied, report, apply };
}

/** A school's messages, reach and SMS cost per period. */
export function useSchoolReport(schoolId: Ref<string>) {
  return useReport(
    (query) =>
      unwrap(
        api().GET('/api/v1/schools/{schoolId}/messaging-analytics', {
          params: { path: { schoolId: schoolId.value }, query },
        }),
      ),
    [schoolId],
  );
}

/** The same across a trust, with each school's figures. */
export function useTrustReport(trustId: Ref<string>) {
  return useReport(
    (query) =>
      unwrap(
        api().GET('/api/v1/trusts/{trustId}/messaging-analytics', {
          params: { path: { trustId: trustId.value }, query },
        }),
      ),
    [trustId],
  );
}
