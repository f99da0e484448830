import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { MisConnection, SyncRun } from '../../domain/sync-run';
import type { MisAccess } from './mis-source';

export abstract class SyncRunRepository {
  abstract findById(id: string): Promise<SyncRun | null>;
  abstract findActiveForSchool(schoolId: SchoolId): Promise<SyncRun | null>;
  abstract listForSchool(schoolId: SchoolId, page: PageRequest): Promise<Page<SyncRun>>;
  abstract lastSucceededForSchool(schoolId: SchoolId): Promise<SyncRun | null>;
  abstract lastForSchools(schoolIds: readonly SchoolId[]): Promise<Map<string, SyncRun>>;
  abstract add(run: SyncRun): void;
  /** Stores the run's progress now, outside the sync's own writes, so people see it move. */
  abstract saveProgress(run: SyncRun): Promise<void>;
}

export abstract class MisConnectionRepository {
  abstract findForSchool(schoolId: SchoolId): Promise<MisConnection | null>;
  /** How to reach the connection's MIS, with its token unsealed. */
  abstract accessFor(connection: MisConnection): MisAccess;
  /** Schools whose daily sync is due at this hour. */
  abstract dueAt(hour: number): Promise<MisConnection[]>;
  abstract add(connection: MisConnection): void;
  abstract save(connection: MisConnection): Promise<void>;
}

/** Seals secrets at rest (MIS tokens). */
export abstract class SecretBox {
  abstract seal(plain: string): string;
  abstract open(sealed: string): string;
}

export abstract class DirectoryJobs {
  abstract runSync(runId: string): Promise<void>;
}
