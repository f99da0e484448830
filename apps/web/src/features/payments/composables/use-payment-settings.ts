import { reactive, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

type Settings = components['schemas']['PaymentSettingsDto'];

/** The school's payment settings (Stripe connected account, refund rule when parents cancel) and their save. */
export function usePaymentSettings(schoolId: Ref<string>) {
  const settings = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/payment-settings', {
        params: { path: { schoolId: schoolId.value } },
      }),
    ),
  );
  const form = reactive({
    stripeAccountId: '',
    cancellationRefund: 'full' as Settings['cancellationRefund'],
  });
  watch(settings.data, (s) => {
    if (s) {
      Object.assign(form, {
        stripeAccountId: s.stripeAccountId ?? '',
        cancellationRefund: s.cancellationRefund,
      });
    }
  });
  const saving = useSubmit(async () => {
    settings.data.value = await unwrap(
      api().PUT('/api/v1/schools/{schoolId}/payment-settings', {
        params: { path: { schoolId: schoolId.value } },
        body: {
          stripeAccountId: form.stripeAccountId.trim() || null,
          cancellationRefund: form.cancellationRefund,
        },
      }),
    );
    return settings.data.value;
  });
  return { settings, form, saving };
}
