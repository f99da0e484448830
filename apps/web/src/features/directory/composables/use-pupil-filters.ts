import { computed, ref, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { Enrolment } from '../directory-types';

export interface PupilFilters {
  /** Start of a name, or a whole UPN. */
  readonly search: string;
  /** National curriculum year as a string ("0" is Reception); empty for every year. */
  readonly ncYear: string;
  readonly registrationGroup: string;
  readonly enrolment: Enrolment;
}

export const NO_PUPIL_FILTERS: PupilFilters = {
  search: '',
  ncYear: '',
  registrationGroup: '',
  enrolment: 'on_roll',
};

/** The list's query as last applied, so "Back to pupils" returns to the same search. */
let remembered: LocationQueryRaw = {};

export function rememberedPupilsQuery(): LocationQueryRaw {
  return remembered;
}

/**
 * The pupil list's filters, kept in the URL (`?q=&year=&class=&show=leavers`) so a search survives
 * opening a pupil and coming back, and can be shared.
 */
export function usePupilFilters() {
  const route = useRoute();
  const router = useRouter();
  const routeName = route.name;
  const data = ref<PupilFilters>(fromQuery(route.query));
  remembered = toQuery(data.value);

  // The "Pupils" link while on this page clears the query: follow it, but not the route being left.
  watch(
    () => route.query,
    (query) => {
      const next = fromQuery(query);
      if (route.name === routeName && !same(next, data.value)) {
        data.value = next;
        remembered = toQuery(next);
      }
    },
  );

  const filtered = computed(() =>
    Boolean(data.value.search || data.value.ncYear || data.value.registrationGroup),
  );

  function apply(next: PupilFilters): void {
    data.value = { ...next, search: next.search.trim(), registrationGroup: next.registrationGroup.trim() };
    remembered = toQuery(data.value);
    void router.replace({ query: remembered });
  }

  return { data, filtered, apply };
}

function fromQuery(query: LocationQuery): PupilFilters {
  const text = (key: string): string => {
    const value = query[key];
    return typeof value === 'string' ? value : '';
  };
  const year = text('year');
  return {
    search: text('q'),
    ncYear: /^(\d|1[0-3])$/.test(year) ? year : '',
    registrationGroup: text('class'),
    enrolment: text('show') === 'leavers' ? 'left' : 'on_roll',
  };
}

function toQuery(f: PupilFilters): LocationQueryRaw {
  return {
    ...(f.search ? { q: f.search } : {}),
    ...(f.ncYear ? { year: f.ncYear } : {}),
    ...(f.registrationGroup ? { class: f.registrationGroup } : {}),
    ...(f.enrolment === 'left' ? { show: 'leavers' } : {}),
  };
}

function same(a: PupilFilters, b: PupilFilters): boolean {
  return (
    a.search === b.search &&
    a.ncYear === b.ncYear &&
    a.registrationGroup === b.registrationGroup &&
    a.enrolment === b.enrolment
  );
}
