import type { SchoolId } from '@rowan/kernel';
import type { DirectoryImport, ImportFile, ImportRecords } from '../../domain/directory-import';

/** The uploaded files' text, by file. */
export type ImportFiles = Partial<Record<ImportFile, string>>;

/**
 * Reads uploaded directory files against Rowan's documented templates. Throws `ValidationFailed` naming every
 * line and column at fault (up to a limit), and returns records only when the files are wholly valid.
 */
export abstract class DirectoryFileReader {
  /** `today` (YYYY-MM-DD) separates pupils who have left from those leaving later. */
  abstract read(files: ImportFiles, today: string): ImportRecords;
}

export abstract class DirectoryImportRepository {
  /** The upload, with its records only when asked (they are large, and only applying needs them). */
  abstract findForSchool(
    schoolId: SchoolId,
    id: string,
    withRecords?: boolean,
  ): Promise<DirectoryImport | null>;
  abstract add(upload: DirectoryImport): void;
  /** Until the current transaction ends, other callers holding the same school wait here (a row lock). */
  abstract holdSchool(schoolId: SchoolId): Promise<void>;
  /** Forgets uploads never applied that expired before `now` (their records are personal data); returns how many. */
  abstract deleteExpired(now: Date): Promise<number>;
}
