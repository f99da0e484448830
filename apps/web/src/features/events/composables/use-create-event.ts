import { reactive, ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useSubmit } from '../../../composables/use-submit';
import { londonToIso } from '../../../lib/london-time';
import type { PickedOption } from '../../../ui/types';
import { emptyPaymentTerms, toPaymentTerms } from '../payment-terms-form';

type Preview = components['schemas']['EligiblePreviewDto'];
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

/** The create form: values (eligibility by years, classes and groups, named pupils, characteristics), the live eligible preview, and the save. */
export function useCreateEvent(schoolId: Ref<string>) {
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

  const save = useSubmit(() => {
    const paymentTerms = form.price ? toPaymentTerms(form.paymentTerms) : undefined;
    return unwrap(
      api().POST('/api/v1/schools/{schoolId}/events', {
        params: { path: { schoolId: schoolId.value } },
        body: {
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
        },
      }),
    );
  });
  return { form, preview, previewing, save };
}
