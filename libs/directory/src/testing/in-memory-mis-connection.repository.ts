import {
  UniqueKeyViolated,
  clone,
  type InMemoryUnitOfWork,
  type UnitParticipant,
} from '@rowan/access/testing';
import type { SchoolId } from '@rowan/kernel';
import type { MisAccess } from '../application/ports/mis-source';
import { MisConnectionRepository, type SecretBox } from '../application/ports/sync-run.repository';
import type { MisConnection } from '../domain/sync-run';

/**
 * MIS connections as the `mis_connections` table keeps them, one per school (its primary key). What `findForSchool`
 * returns is managed: changes to it are stored on commit, like an identity map. `save` stores the last sync and the
 * time at once, outside the unit of work, as its `UPDATE` does.
 */
export class InMemoryMisConnectionRepository extends MisConnectionRepository implements UnitParticipant {
  private readonly stored = new Map<string, MisConnection>();
  private readonly managed = new Map<string, MisConnection>();
  private readonly added = new Set<string>();

  constructor(
    uow: InMemoryUnitOfWork,
    private readonly secrets: SecretBox,
  ) {
    super();
    uow.enlist(this);
  }

  findForSchool(schoolId: SchoolId): Promise<MisConnection | null> {
    return Promise.resolve(this.stored.has(schoolId) ? this.manage(schoolId) : null);
  }

  accessFor(connection: MisConnection): MisAccess {
    return {
      externalSchoolId: connection.externalSchoolId,
      baseUrl: connection.baseUrl,
      token: this.secrets.open(connection.encryptedToken),
    };
  }

  dueAt(hour: number): Promise<MisConnection[]> {
    return Promise.resolve(
      [...this.stored.values()].filter((c) => c.dailySyncHour === hour).map((c) => this.manage(c.schoolId)),
    );
  }

  add(connection: MisConnection): void {
    this.managed.set(connection.schoolId, connection);
    this.added.add(connection.schoolId);
  }

  save(connection: MisConnection): Promise<void> {
    const row = this.stored.get(connection.schoolId);
    if (row) {
      row.lastSyncedFrom = connection.lastSyncedFrom ? new Date(connection.lastSyncedFrom.getTime()) : null;
      row.updatedAt = new Date(connection.updatedAt.getTime());
    }
    return Promise.resolve();
  }

  /** Stores a connection directly, as test data that was already there. */
  seed(...connections: MisConnection[]): void {
    connections.forEach((c) => this.stored.set(c.schoolId, clone(c)));
  }

  /** The stored connection, for assertions. */
  row(schoolId: SchoolId): MisConnection | undefined {
    const row = this.stored.get(schoolId);
    return row ? clone(row) : undefined;
  }

  committed(): MisConnection[] {
    return [...this.stored.values()].map(clone);
  }

  check(): void {
    for (const schoolId of this.added) {
      if (this.stored.has(schoolId)) {
        throw new UniqueKeyViolated(`Duplicate entry '${schoolId}' for key 'PRIMARY'`);
      }
    }
  }

  apply(): void {
    this.managed.forEach((c, schoolId) => this.stored.set(schoolId, clone(c)));
    this.managed.clear();
    this.added.clear();
  }

  discard(): void {
    this.managed.clear();
    this.added.clear();
  }

  private manage(schoolId: string): MisConnection {
    let row = this.managed.get(schoolId);
    if (!row) {
      row = clone(this.stored.get(schoolId)!);
      this.managed.set(schoolId, row);
    }
    return row;
  }
}
