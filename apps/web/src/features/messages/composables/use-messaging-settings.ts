import { reactive, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';
import { useSubmit } from '../../../composables/use-submit';

/** The form's view of the settings: pounds and hours as people think of them; empty means none. */
export interface SettingsForm {
  fallbackHours: string;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  budgetPounds: string;
  approvalThreshold: string;
  segmentPence: string;
}

/** Reads the school's messaging settings into a form and saves it back. */
export function useMessagingSettings(schoolId: Ref<string>) {
  const settings = useResource([schoolId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/communication-settings', {
        params: { path: { schoolId: schoolId.value } },
      }),
    ),
  );
  const form = reactive<SettingsForm>({
    fallbackHours: '4',
    quiet: true,
    quietStart: '21',
    quietEnd: '7',
    budgetPounds: '',
    approvalThreshold: '',
    segmentPence: '4',
  });
  watch(settings.data, (s) => {
    if (s) {
      Object.assign(form, {
        fallbackHours: String(s.fallbackAfterMinutes / 60),
        quiet: s.quietHours !== null,
        quietStart: String(s.quietHours?.start ?? 21),
        quietEnd: String(s.quietHours?.end ?? 7),
        budgetPounds: s.smsBudgetPence === null ? '' : (s.smsBudgetPence / 100).toFixed(2),
        approvalThreshold: s.approvalThreshold === null ? '' : String(s.approvalThreshold),
        segmentPence: String(s.smsSegmentPence),
      });
    }
  });
  const saving = useSubmit(() =>
    unwrap(
      api().PUT('/api/v1/schools/{schoolId}/communication-settings', {
        params: { path: { schoolId: schoolId.value } },
        body: {
          fallbackAfterMinutes: Math.round(Number(form.fallbackHours) * 60),
          quietHours: form.quiet ? { start: Number(form.quietStart), end: Number(form.quietEnd) } : null,
          smsBudgetPence:
            form.budgetPounds.trim() === '' ? null : Math.round(Number(form.budgetPounds) * 100),
          approvalThreshold: form.approvalThreshold.trim() === '' ? null : Number(form.approvalThreshold),
          smsSegmentPence: Number(form.segmentPence),
        },
      }),
    ),
  );
  return { settings, form, saving };
}
