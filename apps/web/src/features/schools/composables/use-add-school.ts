import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { School } from '../../../api/types';
import { useForm } from '../../../composables/use-form';

/** A school's URN (unique reference number, from Get Information about Schools) has six digits. */
const URN = /^\d{6}$/;

export function useAddSchool(trustId: Ref<string>) {
  return useForm<{ name: string; urn: string }, School>({
    idPrefix: 'add-school',
    initial: { name: '', urn: '' },
    validate: (v) => ({
      ...(v.name.trim() ? {} : { name: 'Enter the school’s name' }),
      ...(!v.urn.trim()
        ? { urn: 'Enter the school’s URN' }
        : URN.test(v.urn.trim())
          ? {}
          : { urn: 'The URN must be 6 digits, like 123456' }),
    }),
    save: (v) =>
      unwrap(
        api().POST('/api/v1/trusts/{trustId}/schools', {
          params: { path: { trustId: trustId.value } },
          body: { name: v.name.trim(), urn: v.urn.trim() },
        }),
      ),
  });
}
