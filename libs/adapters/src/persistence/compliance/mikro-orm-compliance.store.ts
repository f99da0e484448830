import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  ComplianceStore,
  type RetentionRun,
  type SchoolContract,
  type SchoolDeletion,
} from '@rowan/compliance';
import type { Page, PageRequest, SchoolId, TrustId, UserId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { runSql, selectRows } from '../directory/bulk-sql';

const json = (v: unknown): Record<string, number> =>
  (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, number>;

interface RunRow {
  id: string;
  school_id: string;
  ran_at: Date;
  left_on_or_before: string;
  pupils: number;
  contacts: number;
  rows: unknown;
}

interface ContractRow {
  school_id: string;
  trust_id: string;
  ends_on: string;
  destroy_on: string;
  recorded_by: string | null;
  recorded_at: Date;
}

interface DeletionRow {
  id: string;
  trust_id: string;
  deleted_school_id: string;
  school_name: string;
  urn: string | null;
  contract_ended_on: string;
  started_at: Date;
  finished_at: Date | null;
  rows: unknown;
}

const CONTRACT_COLUMNS = `school_id, trust_id, date_format(ends_on, '%Y-%m-%d') as ends_on,
  date_format(destroy_on, '%Y-%m-%d') as destroy_on, recorded_by, recorded_at`;
const DELETION_COLUMNS = `id, trust_id, deleted_school_id, school_name, urn,
  date_format(contract_ended_on, '%Y-%m-%d') as contract_ended_on, started_at, finished_at, \`rows\``;

const toContract = (r: ContractRow): SchoolContract => ({
  schoolId: r.school_id as SchoolId,
  trustId: r.trust_id as TrustId,
  endsOn: r.ends_on,
  destroyOn: r.destroy_on,
  recordedBy: r.recorded_by as UserId | null,
  recordedAt: new Date(r.recorded_at),
});

const toDeletion = (r: DeletionRow): SchoolDeletion => ({
  id: r.id,
  trustId: r.trust_id as TrustId,
  schoolId: r.deleted_school_id as SchoolId,
  schoolName: r.school_name,
  urn: r.urn,
  contractEndedOn: r.contract_ended_on,
  startedAt: new Date(r.started_at),
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  rows: json(r.rows),
});

/** Retention runs, contract ends and deletion records as rows; statements join the caller's transaction. */
@Injectable()
export class MikroOrmComplianceStore extends ComplianceStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private run(sql: string, params: readonly unknown[]): Promise<number> {
    return runSql(this.em, sql, params);
  }

  private select<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return selectRows<T>(this.em, sql, params);
  }

  async recordRun(run: RetentionRun): Promise<void> {
    await this.run(
      `insert into retention_runs (id, school_id, ran_at, left_on_or_before, pupils, contacts, \`rows\`)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        run.id,
        run.schoolId,
        run.ranAt,
        run.leftOnOrBefore,
        run.pupils,
        run.contacts,
        JSON.stringify(run.rows),
      ],
    );
  }

  async runs(schoolId: SchoolId, page: PageRequest): Promise<Page<RetentionRun>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.select<RunRow>(
      `select id, school_id, ran_at, date_format(left_on_or_before, '%Y-%m-%d') as left_on_or_before, pupils,
              contacts, \`rows\`
         from retention_runs where school_id = ? ${after ? 'and id < ?' : ''} order by id desc limit ?`,
      [schoolId, ...(after ? [after] : []), page.limit + 1],
    );
    return toPage(
      rows.map((r) => ({
        id: r.id,
        schoolId: r.school_id as SchoolId,
        ranAt: new Date(r.ran_at),
        leftOnOrBefore: r.left_on_or_before,
        pupils: r.pupils,
        contacts: r.contacts,
        rows: json(r.rows),
      })),
      page,
      (r) => r.id,
    );
  }

  async contract(schoolId: SchoolId): Promise<SchoolContract | null> {
    const [row] = await this.select<ContractRow>(
      `select ${CONTRACT_COLUMNS} from school_contracts where school_id = ?`,
      [schoolId],
    );
    return row ? toContract(row) : null;
  }

  async saveContract(c: SchoolContract): Promise<void> {
    await this.run(
      `insert into school_contracts (school_id, trust_id, ends_on, destroy_on, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?)
       on duplicate key update ends_on = values(ends_on), destroy_on = values(destroy_on),
         recorded_by = values(recorded_by), recorded_at = values(recorded_at)`,
      [c.schoolId, c.trustId, c.endsOn, c.destroyOn, c.recordedBy, c.recordedAt],
    );
  }

  async withdrawContract(schoolId: SchoolId): Promise<boolean> {
    return (await this.run('delete from school_contracts where school_id = ?', [schoolId])) > 0;
  }

  async dueForDestruction(today: string): Promise<SchoolContract[]> {
    const rows = await this.select<ContractRow>(
      `select ${CONTRACT_COLUMNS} from school_contracts where destroy_on <= ? order by destroy_on`,
      [today],
    );
    return rows.map(toContract);
  }

  async startDeletion(d: SchoolDeletion): Promise<void> {
    await this.run(
      `insert into school_deletions (id, trust_id, deleted_school_id, school_name, urn, contract_ended_on,
         started_at, finished_at, \`rows\`)
       values (?, ?, ?, ?, ?, ?, ?, null, ?)`,
      [
        d.id,
        d.trustId,
        d.schoolId,
        d.schoolName,
        d.urn,
        d.contractEndedOn,
        d.startedAt,
        JSON.stringify(d.rows),
      ],
    );
  }

  async deletionOf(schoolId: SchoolId): Promise<SchoolDeletion | null> {
    const [row] = await this.select<DeletionRow>(
      `select ${DELETION_COLUMNS} from school_deletions where deleted_school_id = ?`,
      [schoolId],
    );
    return row ? toDeletion(row) : null;
  }

  async countDeleted(id: string, table: string, rows: number): Promise<void> {
    const path = `$."${table.replace(/[^a-z0-9_]/g, '')}"`;
    await this.run(
      `update school_deletions
          set \`rows\` = json_set(\`rows\`, ?, coalesce(json_value(\`rows\`, ?), 0) + ?)
        where id = ?`,
      [path, path, rows, id],
    );
  }

  async finishDeletion(id: string, at: Date): Promise<void> {
    await this.run('update school_deletions set finished_at = ? where id = ? and finished_at is null', [
      at,
      id,
    ]);
  }

  async unfinishedDeletions(): Promise<SchoolDeletion[]> {
    const rows = await this.select<DeletionRow>(
      `select ${DELETION_COLUMNS} from school_deletions where finished_at is null order by id`,
      [],
    );
    return rows.map(toDeletion);
  }

  async deletions(trustId: TrustId, page: PageRequest): Promise<Page<SchoolDeletion>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.select<DeletionRow>(
      `select ${DELETION_COLUMNS} from school_deletions
        where trust_id = ? ${after ? 'and id < ?' : ''} order by id desc limit ?`,
      [trustId, ...(after ? [after] : []), page.limit + 1],
    );
    return toPage(rows.map(toDeletion), page, (d) => d.id);
  }
}
