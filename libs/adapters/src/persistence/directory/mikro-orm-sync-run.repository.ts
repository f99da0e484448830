import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  MisConnection,
  MisConnectionRepository,
  SecretBox,
  SyncRun,
  SyncRunRepository,
  type MisAccess,
} from '@rowan/directory';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';

@Injectable()
export class MikroOrmSyncRunRepository extends SyncRunRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /** Keyed by the run's id: the worker reads it before it knows the school, and the use case checks the school. */
  findById(id: string): Promise<SyncRun | null> {
    return this.em.findOne(SyncRun, { id }, { filters: false });
  }

  findActiveForSchool(schoolId: SchoolId): Promise<SyncRun | null> {
    return this.em.findOne(SyncRun, { schoolId, status: { $in: ['queued', 'running'] } }, { filters: false });
  }

  async listForSchool(schoolId: SchoolId, page: PageRequest): Promise<Page<SyncRun>> {
    const after = decodeCursor(page.cursor);
    const runs = await this.em.find(
      SyncRun,
      { schoolId, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(runs, page, (r) => r.id);
  }

  lastSucceededForSchool(schoolId: SchoolId): Promise<SyncRun | null> {
    return this.em.findOne(
      SyncRun,
      { schoolId, status: 'succeeded' },
      { orderBy: { id: 'desc' }, filters: false },
    );
  }

  async lastForSchools(schoolIds: readonly SchoolId[]): Promise<Map<string, SyncRun>> {
    const runs = schoolIds.length
      ? await this.em.find(SyncRun, { schoolId: { $in: [...schoolIds] } }, { orderBy: { id: 'desc' } })
      : [];
    const last = new Map<string, SyncRun>();
    runs.forEach((r) => last.has(r.schoolId) || last.set(r.schoolId, r));
    return last;
  }

  add(run: SyncRun): void {
    this.em.persist(run);
  }

  async saveProgress(run: SyncRun): Promise<void> {
    await this.em.nativeUpdate(
      SyncRun,
      { id: run.id },
      {
        status: run.status,
        phase: run.phase,
        percent: run.percent,
        tally: run.tally,
        error: run.error,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        retryable: run.retryable,
      },
      { filters: false },
    );
  }
}

@Injectable()
export class MikroOrmMisConnectionRepository extends MisConnectionRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
  ) {
    super();
  }

  /** Read by the worker for the run's school (checked against the run) and by use cases after authorising. */
  findForSchool(schoolId: SchoolId): Promise<MisConnection | null> {
    return this.em.findOne(MisConnection, { schoolId }, { filters: false });
  }

  accessFor(connection: MisConnection): MisAccess {
    return {
      externalSchoolId: connection.externalSchoolId,
      baseUrl: connection.baseUrl,
      token: this.secrets.open(connection.encryptedToken),
    };
  }

  dueAt(hour: number): Promise<MisConnection[]> {
    return this.em.find(MisConnection, { dailySyncHour: hour }, { filters: false });
  }

  add(connection: MisConnection): void {
    this.em.persist(connection);
  }

  async save(connection: MisConnection): Promise<void> {
    await this.em.nativeUpdate(
      MisConnection,
      { schoolId: connection.schoolId },
      { lastSyncedFrom: connection.lastSyncedFrom, updatedAt: connection.updatedAt },
      { filters: false },
    );
  }
}
