import { ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { toApiError, type ApiError } from '../api/problem';

/**
 * One thing read from the API, read again whenever `sources` change. An answer that arrives after a newer
 * request was made is dropped, so switching quickly between records never shows the wrong one.
 */
export function useResource<T>(sources: WatchSource[], load: () => Promise<T>) {
  const data: Ref<T | null> = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const value = await load();
      if (mine === generation) {
        data.value = value;
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

  watch(sources, () => void reload(), { immediate: true });

  return { data, loading, error, reload };
}
