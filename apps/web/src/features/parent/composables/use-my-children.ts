import { onMounted, ref, shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import type { components } from '../../../api/schema';

export type MyChild = components['schemas']['MyChildDto'];

/** The signed-in parent's own children (GET /api/v1/me/children). */
export function useMyChildren() {
  const data = ref<MyChild[]>([]);
  const loading = ref(true);
  const error = shallowRef<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = (await unwrap(api().GET('/api/v1/me/children'))).items;
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loading.value = false;
    }
  }

  onMounted(load);
  return { data, loading, error, reload: load };
}
