import { ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { ContactDetail } from '../directory-types';

/** One contact with their channels and the children at this school they are a contact of. */
export function useContact(schoolId: Ref<string>, contactId: Ref<string>) {
  const data = shallowRef<ContactDetail | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const contact = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/contacts/{contactId}', {
          params: { path: { schoolId: schoolId.value, contactId: contactId.value } },
        }),
      );
      if (mine === generation) {
        data.value = contact;
      }
    } catch (e) {
      if (mine === generation) {
        data.value = null;
        error.value = toApiError(e);
      }
    } finally {
      if (mine === generation) {
        loading.value = false;
      }
    }
  }

  watch([schoolId, contactId], () => void reload(), { immediate: true });

  return { data, loading, error, reload };
}
