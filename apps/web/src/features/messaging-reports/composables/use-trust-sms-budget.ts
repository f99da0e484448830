import { ref, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

/** The trust's monthly SMS budget (as pounds in the form; empty for none) and this month's spend. */
export function useTrustSmsBudget(trustId: Ref<string>) {
  const settings = useResource([trustId], () =>
    unwrap(
      api().GET('/api/v1/trusts/{trustId}/communication-settings', {
        params: { path: { trustId: trustId.value } },
      }),
    ),
  );
  const budgetPounds = ref('');
  watch(settings.data, (s) => {
    if (s) {
      budgetPounds.value = s.smsBudgetPence === null ? '' : (s.smsBudgetPence / 100).toFixed(2);
    }
  });
  const saving = useSubmit(() => {
    const text = budgetPounds.value.trim().replace(/^£/, '');
    return unwrap(
      api().PUT('/api/v1/trusts/{trustId}/communication-settings', {
        params: { path: { trustId: trustId.value } },
        body: {
          // Not a number goes to the API as it is, so the API names the field.
          smsBudgetPence:
            text === ''
              ? null
              : Number.isFinite(Number(text))
                ? Math.round(Number(text) * 100)
                : (text as unknown as number),
        },
      }),
    );
  });
  return { settings, budgetPounds, saving };
}
