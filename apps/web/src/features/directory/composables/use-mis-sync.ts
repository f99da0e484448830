import { computed, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import { useResource } from '../../../composables/use-resource';
import { announce } from '../../../ui/announcer';
import { countsSummary, isActive } from '../directory-format';
import type { MisConnection, SyncMode, SyncRun } from '../directory-types';
import { useRequestSync } from './use-request-sync';
import { useSyncProgress } from './use-sync-progress';
import { useSyncRuns } from './use-sync-runs';

/**
 * The MIS sync page: the history, the sync being followed (live, every second), "Sync now", and the school's
 * Wonde connection (none for a school that uploads CSV files instead).
 */
export function useMisSync(schoolId: Ref<string>, schoolName: Ref<string>) {
  const history = useSyncRuns(schoolId);
  const loaded = useResource([schoolId], async (): Promise<MisConnection | null> => {
    try {
      return await unwrap(
        api().GET('/api/v1/schools/{schoolId}/mis-connection', {
          params: { path: { schoolId: schoolId.value } },
        }),
      );
    } catch (error) {
      // Not connected: the school uploads CSV files instead, or has not started.
      if (error instanceof ApiError && error.status === 404) {
        return null;
      }
      throw error;
    }
  });
  const connection = shallowRef<MisConnection | null>(null);
  watch(loaded.data, (value) => (connection.value = value));
  const requesting = shallowRef<SyncMode | null>(null);
  const request = useRequestSync(schoolId);

  const progress = useSyncProgress(schoolId, {
    update: (run) => history.replace(run),
    finished: (run) => {
      history.replace(run);
      announceFinished(run);
    },
  });

  const ready = computed(() => !history.loading.value && !loaded.loading.value);
  const connected = computed(() => connection.value !== null);
  const latest = computed<SyncRun | null>(() => progress.data.value ?? history.data.value[0] ?? null);

  // A sync already under way when the page opens (the nightly one, or someone else's) is followed too.
  watch(
    () => history.data.value[0],
    (run) => {
      if (run && isActive(run) && progress.data.value?.id !== run.id) {
        progress.follow(run);
      }
    },
  );

  watch(schoolId, () => {
    progress.clear();
    request.reset();
  });

  async function syncNow(mode: SyncMode): Promise<void> {
    requesting.value = mode;
    const run = await request.submit(mode);
    requesting.value = null;
    if (run) {
      history.prepend(run);
      progress.follow(run);
      announce(`${mode === 'full' ? 'Full sync' : 'Sync'} of ${schoolName.value} started.`, 'info');
      return;
    }
    const code = request.error.value?.code;
    if (code === 'DIRECTORY.NOT_CONNECTED') {
      connection.value = null;
    } else if (code === 'DIRECTORY.SYNC_IN_PROGRESS') {
      await history.reload();
    }
  }

  function onConnected(saved: MisConnection): void {
    connection.value = saved;
    request.reset();
  }

  /** A CSV upload was applied: it is in the history as a finished sync. */
  async function onUploaded(): Promise<void> {
    await history.reload();
  }

  function announceFinished(run: SyncRun): void {
    if (run.status === 'failed') {
      announce(`The sync of ${schoolName.value} failed. ${run.error ?? ''}`.trim(), 'error');
      return;
    }
    const pupils = countsSummary(run.tally.pupils);
    announce(
      `Sync of ${schoolName.value} finished. Pupils: ${pupils === 'No changes' ? 'no changes' : pupils}.`,
    );
  }

  return {
    history,
    progress,
    latest,
    ready,
    connected,
    connection,
    requesting,
    requestError: request.error,
    connectionError: loaded.error,
    syncNow,
    onConnected,
    onUploaded,
  };
}
