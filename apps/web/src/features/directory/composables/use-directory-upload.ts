import { reactive, shallowRef, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useSubmit } from '../../../composables/use-submit';
import type { DirectoryUpload, UploadFileName, UploadFiles } from '../directory-types';

export const UPLOAD_FILES: ReadonlyArray<{ readonly name: UploadFileName; readonly label: string }> = [
  { name: 'pupils', label: 'Pupils' },
  { name: 'contacts', label: 'Contacts' },
  { name: 'staff', label: 'Staff' },
];

/**
 * The CSV route for schools without Wonde: choose files, check them (the API lists every problem by line and
 * column, or previews what would change), then apply the preview or start again.
 */
export function useDirectoryUpload(schoolId: Ref<string>) {
  const chosen = reactive<Record<UploadFileName, File | null>>({ pupils: null, contacts: null, staff: null });
  const preview = shallowRef<DirectoryUpload | null>(null);

  const checking = useSubmit(async (): Promise<DirectoryUpload> => {
    const body: UploadFiles = {};
    for (const { name } of UPLOAD_FILES) {
      const file = chosen[name];
      if (file) {
        body[name] = await file.text();
      }
    }
    return unwrap(
      api().POST('/api/v1/schools/{schoolId}/directory-imports', {
        params: { path: { schoolId: schoolId.value } },
        body,
      }),
    );
  });

  const applying = useSubmit((upload: DirectoryUpload): Promise<DirectoryUpload> =>
    unwrap(
      api().POST('/api/v1/schools/{schoolId}/directory-imports/{importId}/apply', {
        params: { path: { schoolId: schoolId.value, importId: upload.id } },
      }),
    ),
  );

  function choose(name: UploadFileName, file: File | null): void {
    chosen[name] = file;
    checking.reset();
  }

  async function check(): Promise<void> {
    applying.reset();
    preview.value = (await checking.submit()) ?? null;
  }

  /** Resolves to the applied upload (its `runId` is the sync it became), or undefined when it was refused. */
  async function apply(): Promise<DirectoryUpload | undefined> {
    if (!preview.value) {
      return undefined;
    }
    const applied = await applying.submit(preview.value);
    if (applied) {
      startAgain();
    }
    return applied;
  }

  function startAgain(): void {
    preview.value = null;
    checking.reset();
    applying.reset();
    UPLOAD_FILES.forEach(({ name }) => (chosen[name] = null));
  }

  return { chosen, preview, checking, applying, choose, check, apply, startAgain };
}
