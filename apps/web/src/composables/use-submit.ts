import { computed, ref, shallowRef } from 'vue';
import { toApiError, type ApiError } from '../api/problem';

/**
 * A form's save: `saving` disables the button, `error` holds the problem, `fieldError(name)` gives
 * the API's message for one field. `submit` resolves to the result, or undefined when it failed.
 */
export function useSubmit<Args extends unknown[], R>(action: (...args: Args) => Promise<R>) {
  const saving = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const fieldErrors = computed(() => error.value?.fieldErrors ?? []);

  async function submit(...args: Args): Promise<R | undefined> {
    if (saving.value) {
      return undefined;
    }
    saving.value = true;
    error.value = null;
    try {
      return await action(...args);
    } catch (e) {
      error.value = toApiError(e);
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  function fieldError(field: string): string | undefined {
    return error.value?.fieldMessage(field);
  }

  function reset(): void {
    error.value = null;
  }

  return { saving, error, fieldErrors, fieldError, submit, reset };
}
