import { ref, shallowRef } from 'vue';
import { api } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';

/** Whose data: the API's path segment for each kind of person. */
export type SubjectKind = 'pupils' | 'contacts' | 'staff';
export type SubjectAccessFormat = 'json' | 'html';

/** One export as a file, through the generated client (the API needs the signed-in person's token). */
function fetchExport(schoolId: string, kind: SubjectKind, id: string, format: SubjectAccessFormat) {
  const options = { query: { format } };
  switch (kind) {
    case 'pupils':
      return api().GET('/api/v1/schools/{schoolId}/subject-access/pupils/{pupilId}', {
        params: { path: { schoolId, pupilId: id }, ...options },
        parseAs: 'blob',
      });
    case 'contacts':
      return api().GET('/api/v1/schools/{schoolId}/subject-access/contacts/{contactId}', {
        params: { path: { schoolId, contactId: id }, ...options },
        parseAs: 'blob',
      });
    case 'staff':
      return api().GET('/api/v1/schools/{schoolId}/subject-access/staff/{staffId}', {
        params: { path: { schoolId, staffId: id }, ...options },
        parseAs: 'blob',
      });
  }
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'person';

/**
 * A subject access export for one person: the JSON as a download, or the readable page in a new tab (fetched
 * with the token, then shown from a blob: URL). Each export is recorded in the school's audit log.
 * `{ busy, error, downloadJson, openPage }`.
 */
export function useSubjectAccessExport(
  subject: () => {
    schoolId: string;
    kind: SubjectKind;
    id: string;
    name: string;
  },
) {
  const busy = ref<SubjectAccessFormat | null>(null);
  const error = shallowRef<ApiError | null>(null);

  async function fetchBlob(format: SubjectAccessFormat): Promise<Blob> {
    const { schoolId, kind, id } = subject();
    const { data } = await fetchExport(schoolId, kind, id, format);
    if (!data) {
      throw new Error('The export was empty');
    }
    return data as Blob;
  }

  async function run(format: SubjectAccessFormat, work: () => Promise<void>): Promise<void> {
    busy.value = format;
    error.value = null;
    try {
      await work();
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      busy.value = null;
    }
  }

  const downloadJson = () =>
    run('json', async () => {
      const blob = await fetchBlob('json');
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `subject-access-${slug(subject().name)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  /** The tab opens at once (while the click still counts as the person's), and shows the page once it is here. */
  function openPage(): Promise<void> {
    const tab = window.open('', '_blank');
    if (tab) {
      tab.opener = null;
    }
    return run('html', async () => {
      try {
        const blob = await fetchBlob('html');
        const url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
        if (tab) {
          tab.location.href = url;
        } else {
          window.location.assign(url);
        }
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (e) {
        tab?.close();
        throw e;
      }
    });
  }

  return { busy, error, downloadJson, openPage };
}
