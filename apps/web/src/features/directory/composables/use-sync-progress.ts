import { computed, onScopeDispose, shallowRef, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import { isActive } from '../directory-format';
import type { SyncRun } from '../directory-types';

const POLL_MS = 1000;

/**
 * Follows one sync while it is queued or running: asks for it every second (the next request only after the
 * last answer) and reports each update, then the finished run. A failed request is tried again; a 4xx stops.
 */
export function useSyncProgress(
  schoolId: Ref<string>,
  on: { readonly update: (run: SyncRun) => void; readonly finished: (run: SyncRun) => void },
) {
  const data = shallowRef<SyncRun | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const active = computed(() => data.value !== null && isActive(data.value));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function follow(run: SyncRun): void {
    stop();
    const mine = generation;
    data.value = run;
    error.value = null;
    if (isActive(run)) {
      timer = setTimeout(() => void poll(mine), POLL_MS);
    }
  }

  async function poll(mine: number): Promise<void> {
    const current = data.value;
    if (!current) {
      return;
    }
    try {
      const run = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/sync-runs/{runId}', {
          params: { path: { schoolId: schoolId.value, runId: current.id } },
        }),
      );
      if (mine !== generation) {
        return;
      }
      data.value = run;
      error.value = null;
      on.update(run);
      if (!isActive(run)) {
        on.finished(run);
        return;
      }
    } catch (e) {
      if (mine !== generation) {
        return;
      }
      error.value = toApiError(e);
      if (error.value.status >= 400 && error.value.status < 500 && error.value.status !== 429) {
        return;
      }
    }
    timer = setTimeout(() => void poll(mine), POLL_MS);
  }

  /** Stops asking (leaving the page, switching school); what was last seen stays in `data`. */
  function stop(): void {
    generation += 1;
    clearTimeout(timer);
  }

  function clear(): void {
    stop();
    data.value = null;
    error.value = null;
  }

  onScopeDispose(stop);

  return { data, error, active, follow, stop, clear };
}
