import { reactive, ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useSubmit } from '../../../composables/use-submit';
import { isoToLondonInput, londonToIso } from '../../../lib/london-time';
import type { PickedOption } from '../../../ui/types';
import { useDirectorySearch } from '../../directory/composables/use-directory-search';
import { emptyPaymentTerms, fromPaymentTerms, toPaymentTerms } from '../payment-terms-form';

type Preview = components['schemas']['EligiblePreviewDto'];
type SavedEvent = components['schemas']['EventDto'];
interface SavedEligibility {
  readonly ncYears?: number[];
  readonly groupIds?: string[];
  readonly pupilIds?: string[];
  readonly characteristics?: Characteristic[];
}
type Characteristic = 'pupil_premium' | 'free_school_meals' | 'sen';

/** A datetime-local value (London wall time) as an ISO instant, or undefined when empty. */
function instant(value: string): string | undefined {
  const [date, time] = value.split('T');
  if (!date || !time) {
    return undefined;
  }
  const [h, m] = time.split(':').map(Number);
  return londonToIso(date, h ?? 0, m ?? 0);
}

/**
 * The event form: values (eligibility by years, classes and groups, named pupils, characteristics), the live
 * eligible preview, and the save. With `eventId` it edits that event: `load()` fills the form from it, and the
 * save replaces its details (a published event keeps all but its title, description and dates).
 */
export function useCreateEvent(schoolId: Ref<string>, eventId?: Ref<string | undefined>) {
  const form = reactive({
    kind: 'trip' as 'trip' | 'club',
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    sessions: '',
    capacity: '30',
    reservedPlaces: '0',
    price: '',
    priceUnit: 'term' as 'term' | 'session',
    bookingCutoff: '',
    priorityBookingUntil: '',
    ncYears: '',
    groups: [] as PickedOption[],
    pupils: [] as PickedOption[],
    characteristics: [] as Characteristic[],
    paymentTerms: emptyPaymentTerms(),
  });
  const preview = shallowRef<Preview | null>(null);
  const previewing = ref(false);

  const rules = () => ({
    ncYears: form.ncYears
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isInteger(n)),
    groupIds: form.groups.map((g) => g.id),
    pupilIds: form.pupils.map((p) => p.id),
    characteristics: [...form.characteristics],
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => [
      form.ncYears,
      form.groups.map((g) => g.id).join(),
      form.pupils.map((p) => p.id).join(),
      form.characteristics.join(),
    ],
    () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        previewing.value = true;
        try {
          preview.value = await unwrap(
            api().POST('/api/v1/schools/{schoolId}/events/eligible-preview', {
              params: { path: { schoolId: schoolId.value } },
              body: rules(),
            }),
          );
        } catch {
          preview.value = null;
        } finally {
          previewing.value = false;
        }
      }, 300);
    },
    { immediate: true },
  );

  const directory = useDirectorySearch(schoolId);
  const editing = shallowRef<SavedEvent | null>(null);

  /** Fills the form from the saved event (and names its chosen groups and pupils). */
  async function load(): Promise<void> {
    const id = eventId?.value;
    if (!id) {
      return;
    }
    const e = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/events/{eventId}', {
        params: { path: { schoolId: schoolId.value, eventId: id } },
      }),
    );
    const rules = e.eligibility as SavedEligibility;
    const named = await directory.labels(rules.groupIds ?? [], rules.pupilIds ?? []);
    Object.assign(form, {
      kind: e.kind === 'club' ? 'club' : 'trip',
      title: e.title,
      description: e.description,
      startsAt: isoToLondonInput(e.startsAt),
      endsAt: isoToLondonInput(e.endsAt),
      sessions: e.sessions.map((at) => isoToLondonInput(at)).join('\n'),
      capacity: String(e.capacity),
      reservedPlaces: String(e.reservedPlaces),
      price: e.priceP === null ? '' : (e.priceP / 100).toFixed(2),
      priceUnit: e.priceUnit === 'session' ? 'session' : 'term',
      bookingCutoff: isoToLondonInput(e.bookingCutoff),
      priorityBookingUntil: isoToLondonInput(e.priorityBookingUntil),
      ncYears: (rules.ncYears ?? []).join(', '),
      groups: named.groups,
      pupils: named.pupils,
      characteristics: [...(rules.characteristics ?? [])],
      paymentTerms: fromPaymentTerms(e.paymentTerms),
    });
    editing.value = e;
  }

  const save = useSubmit(() => {
    const paymentTerms = form.price ? toPaymentTerms(form.paymentTerms) : undefined;
    const id = eventId?.value;
    const path = { schoolId: schoolId.value };
    const body: components['schemas']['CreateEventRequest'] = {
      kind: form.kind,
      title: form.title,
      description: form.description,
      startsAt: instant(form.startsAt),
      endsAt: form.kind === 'trip' ? instant(form.endsAt) : undefined,
      sessions:
        form.kind === 'club'
          ? form.sessions
              .split(/\n+/)
              .map((s) => instant(s.trim()))
              .filter((s): s is string => !!s)
          : undefined,
      capacity: Number(form.capacity),
      reservedPlaces: Number(form.reservedPlaces || 0),
      priceP: form.price ? Math.round(Number(form.price) * 100) : undefined,
      priceUnit: form.price ? (form.kind === 'club' ? form.priceUnit : 'event') : undefined,
      bookingCutoff: instant(form.bookingCutoff),
      priorityBookingUntil: instant(form.priorityBookingUntil),
      paymentTerms,
      eligibility: rules(),
    };
    return unwrap(
      id
        ? api().PATCH('/api/v1/schools/{schoolId}/events/{eventId}', {
            params: { path: { ...path, eventId: id } },
            body,
          })
        : api().POST('/api/v1/schools/{schoolId}/events', { params: { path }, body }),
    );
  });
  return { form, preview, previewing, save, load, editing };
}
