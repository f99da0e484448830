import {
  InMemoryTable,
  byIdDescending,
  decodeCursor,
  isAfterCursor,
  toPage,
  type InMemoryUnitOfWork,
} from '@rowan/access/testing';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { SyncRunRepository } from '../application/ports/sync-run.repository';
import type { SyncPhase, SyncRun, SyncStatus, SyncTally } from '../domain/sync-run';

/** A run as one `saveProgress` stored it. */
export interface SyncRunProgress {
  readonly runId: string;
  readonly status: SyncStatus;
  readonly phase: SyncPhase;
  readonly percent: number;
  readonly tally: SyncTally;
  readonly error: string | null;
}

/**
 * Sync runs as the `sync_runs` table keeps them. `add` is stored on commit; `saveProgress` stores the run's progress
 * at once, outside the unit of work, and only for a run already stored (as its `UPDATE … WHERE id = ?` does).
 * Every progress save is logged.
 */
export class InMemorySyncRunRepository extends SyncRunRepository {
  readonly progressLog: SyncRunProgress[] = [];
  private readonly table: InMemoryTable<SyncRun>;

  constructor(uow: InMemoryUnitOfWork) {
    super();
    this.table = new InMemoryTable<SyncRun>(uow);
  }

  findById(id: string): Promise<SyncRun | null> {
    return Promise.resolve(this.table.selectOne((r) => r.id === id));
  }

  findActiveForSchool(schoolId: SchoolId): Promise<SyncRun | null> {
    return Promise.resolve(this.table.selectOne((r) => r.schoolId === schoolId && r.isActive()));
  }

  listForSchool(schoolId: SchoolId, page: PageRequest): Promise<Page<SyncRun>> {
    const after = decodeCursor(page.cursor);
    const runs = this.table.select(
      (r) => r.schoolId === schoolId && isAfterCursor(r.id, after),
      byIdDescending,
      page.limit + 1,
    );
    return Promise.resolve(toPage(runs, page, (r) => r.id));
  }

  lastSucceededForSchool(schoolId: SchoolId): Promise<SyncRun | null> {
    const [last] = this.table.select(
      (r) => r.schoolId === schoolId && r.status === 'succeeded',
      byIdDescending,
      1,
    );
    return Promise.resolve(last ?? null);
  }

  lastForSchools(schoolIds: readonly SchoolId[]): Promise<Map<string, SyncRun>> {
    const last = new Map<string, SyncRun>();
    this.table
      .select((r) => schoolIds.includes(r.schoolId), byIdDescending)
      .forEach((r) => last.has(r.schoolId) || last.set(r.schoolId, r));
    return Promise.resolve(last);
  }

  add(run: SyncRun): void {
    this.table.stage(run);
  }

  saveProgress(run: SyncRun): Promise<void> {
    if (this.table.row(run.id)) {
      this.table.seed(snapshot(run));
      this.progressLog.push({
        runId: run.id,
        status: run.status,
        phase: run.phase,
        percent: run.percent,
        tally: structuredClone(run.tally),
        error: run.error,
      });
    }
    return Promise.resolve();
  }

  seed(...runs: SyncRun[]): void {
    runs.forEach((r) => this.table.seed(snapshot(r)));
  }

  /** The stored runs, for assertions. */
  committed(): SyncRun[] {
    return this.table.rows();
  }

  /** The stored run, for assertions. */
  row(id: string): SyncRun | undefined {
    return this.table.row(id);
  }

  /** The progress saves of one run, in order. */
  progressOf(runId: string): SyncRunProgress[] {
    return this.progressLog.filter((p) => p.runId === runId);
  }
}

/** A copy whose tally is its own: a sync keeps adding to the tally object it reports. */
function snapshot(run: SyncRun): SyncRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as SyncRun, run);
  copy.tally = structuredClone(run.tally);
  return copy;
}
