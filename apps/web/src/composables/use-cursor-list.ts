import { computed, ref, shallowRef, type Ref } from 'vue';
import { toApiError, type ApiError } from '../api/problem';
import type { Page } from '../api/types';

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** What `UiCursorList` shows: pass it the whole result of `useCursorList` (or a composable built on it). */
export interface CursorListState<T> {
  readonly data: Readonly<Ref<readonly T[]>>;
  readonly loading: Readonly<Ref<boolean>>;
  readonly loadingMore: Readonly<Ref<boolean>>;
  readonly error: Readonly<Ref<ApiError | null>>;
  readonly hasMore: Readonly<Ref<boolean>>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * A cursor-paginated list: first page, "Load more", and local edits after a save.
 * Returns `{ data, loading, error, ...actions }` like every composable here.
 */
export function useCursorList<T extends { id: string }>(fetchPage: PageFetcher<T>) {
  const data = ref([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const hasMore = computed(() => nextCursor.value !== null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(undefined);
      if (mine === generation) {
        data.value = [...page.items];
        nextCursor.value = page.nextCursor;
      }
    } catch (e) {
      if (mine === generation) {
        data.value = [];
        nextCursor.value = null;
        error.value = toApiError(e);
      }
    } finally {
      if (mine === generation) {
        loading.value = false;
      }
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value || loadingMore.value) {
      return;
    }
    const mine = generation;
    loadingMore.value = true;
    error.value = null;
    try {
      const page = await fetchPage(nextCursor.value);
      if (mine === generation) {
        data.value = [...data.value, ...page.items];
        nextCursor.value = page.nextCursor;
      }
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loadingMore.value = false;
    }
  }

  function prepend(item: T): void {
    data.value = [item, ...data.value.filter((x) => x.id !== item.id)];
  }

  function replace(item: T): void {
    data.value = data.value.map((x) => (x.id === item.id ? item : x));
  }

  return { data, loading, loadingMore, error, hasMore, reload, loadMore, prepend, replace };
}
