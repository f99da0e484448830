import { ref, shallowRef } from 'vue';
import { toApiError, type ApiError } from '../../../api/problem';

export type ExportFormat = 'csv' | 'xlsx';

/** One call of the generated client with `parseAs: 'blob'`: the file and the response it came in. */
export type FileFetcher = (format: ExportFormat) => Promise<{ data?: Blob; response: Response }>;

const fallbackName = (format: ExportFormat) => `report.${format}`;

/** The name the API gave the file (`Content-Disposition: attachment; filename="…"`). */
export function filenameOf(response: Response, format: ExportFormat): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallbackName(format);
}

/**
 * Downloading a report file: the API needs the signed-in person's token, so the file is fetched through the
 * generated client and handed to the browser as a download. `{ busy, error, download }`.
 */
export function useReportDownload(fetchFile: FileFetcher) {
  const busy = ref<ExportFormat | null>(null);
  const error = shallowRef<ApiError | null>(null);

  async function download(format: ExportFormat): Promise<void> {
    busy.value = format;
    error.value = null;
    try {
      const { data, response } = await fetchFile(format);
      if (!data) {
        throw new Error('The file was empty');
      }
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(response, format);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, download };
}
