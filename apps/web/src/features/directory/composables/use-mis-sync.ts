import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { announce } from '../../../ui/announcer';
import { countsSummary, isActive } from '../directory-format';
import type { MisConnection, SyncMode, SyncRun } from '../directory-types';
import { useRequestSync } from './use-request-sync';
import { useSyncProgress } from './use-sync-progress';
import { useSyncRuns } from './use-sync-runs';

/**
 * The MIS sync page: the history, the sync being followed (live, every second), "Sync now", and whether the
 * school is connected. The API has no way to read the connection, so it is known from this visit's
 * "Connect" or inferred: a school with syncs has been connected, and a refused sync says it is not.
 */
export function useMisSync(schoolId: Ref<string>, schoolName: Ref<string>) {
  const history = useSyncRuns(schoolId);
  const connection = shallowRef<MisConnection | null>(null);
  const refusedAsNotConnected = ref(false);
  const requesting = ref<SyncMode | null>(null);
  const request = useRequestSync(schoolId);

  const progress = useSyncProgress(schoolId, {
    update: (run) => history.replace(run),
    finished: (run) => {
      history.replace(run);
      announceFinished(run);
    },
  });

  /** Until the history's first page is in, the page cannot tell whether the school is connected. */
  const ready = computed(() => !history.loading.value);
  const connected = computed(
    () => connection.value !== null || (!refusedAsNotConnected.value && history.data.value.length > 0),
  );
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
    connection.value = null;
    refusedAsNotConnected.value = false;
  });

  async function syncNow(mode: SyncMode): Promise<void> {
    requesting.value = mode;
    const run = await request.submit(mode);
    requesting.value = null;
    if (run) {
      refusedAsNotConnected.value = false;
      history.prepend(run);
      progress.follow(run);
      announce(`${mode === 'full' ? 'Full sync' : 'Sync'} of ${schoolName.value} started.`, 'info');
      return;
    }
    const code = request.error.value?.code;
    if (code === 'DIRECTORY.NOT_CONNECTED') {
      refusedAsNotConnected.value = true;
      connection.value = null;
    } else if (code === 'DIRECTORY.SYNC_IN_PROGRESS') {
      await history.reload();
    }
  }

  function onConnected(saved: MisConnection): void {
    connection.value = saved;
    refusedAsNotConnected.value = false;
    request.reset();
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
    syncNow,
    onConnected,
  };
}
