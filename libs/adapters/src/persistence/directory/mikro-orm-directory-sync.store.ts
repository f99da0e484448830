import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  DirectorySyncStore,
  type DirectoryKind,
  type MisContact,
  type MisGroup,
  type MisStaffMember,
  type PupilWrite,
  type StoredFingerprint,
  type Write,
} from '@rowan/directory';
import { ukDate, type SchoolId } from '@rowan/kernel';
import { chunks, deleteWhereIn, selectRows, upsertRows } from './bulk-sql';
import { replaceCharacteristics } from './characteristics-writer';

const TABLES: Record<DirectoryKind, { table: string; active: string }> = {
  pupil: { table: 'pupils', active: "enrolment = 'on_roll'" },
  contact: { table: 'contacts', active: 'active = 1' },
  staff: { table: 'staff_members', active: 'active = 1' },
  group: { table: 'pupil_groups', active: 'active = 1' },
};

const NAMES: Record<DirectoryKind, string> = {
  pupil: "concat(preferred_forename, ' ', preferred_surname)",
  contact: "concat(forename, ' ', surname)",
  staff: "concat(forename, ' ', surname)",
  group: 'name',
};

/** MIS sync writes: multi-row upserts in chunks, each call in one transaction, keyed by (school, MIS id). */
@Injectable()
export class MikroOrmDirectorySyncStore extends DirectorySyncStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async fingerprints(schoolId: SchoolId, kind: DirectoryKind): Promise<Map<string, StoredFingerprint>> {
    const { table, active } = TABLES[kind];
    const rows = await selectRows<{ mis_id: string; id: string; fingerprint: string; active: number }>(
      this.em,
      `select mis_id, id, fingerprint, (${active}) as active from \`${table}\` where school_id = ?`,
      [schoolId],
    );
    return new Map(
      rows.map((r) => [r.mis_id, { id: r.id, fingerprint: r.fingerprint, active: Number(r.active) === 1 }]),
    );
  }

  async writeGroups(schoolId: SchoolId, writes: readonly Write<MisGroup>[], at: Date): Promise<void> {
    await this.em.transactional((em) =>
      upsertRows(
        em,
        'pupil_groups',
        [
          'id',
          'school_id',
          'mis_id',
          'kind',
          'name',
          'code',
          'active',
          'fingerprint',
          'created_at',
          'updated_at',
        ],
        writes.map((w) => [
          w.id,
          schoolId,
          w.record.misId,
          w.record.kind,
          w.record.name,
          w.record.code,
          1,
          w.fingerprint,
          at,
          at,
        ]),
        ['kind', 'name', 'code', 'active', 'fingerprint', 'updated_at'],
      ),
    );
  }

  async writeContacts(schoolId: SchoolId, writes: readonly Write<MisContact>[], at: Date): Promise<void> {
    await this.em.transactional((em) =>
      upsertRows(
        em,
        'contacts',
        [
          'id',
          'school_id',
          'mis_id',
          'title',
          'forename',
          'surname',
          'emails',
          'mobiles',
          'active',
          'fingerprint',
          'created_at',
          'updated_at',
        ],
        writes.map((w) => {
          const c = w.record;
          return [
            w.id,
            schoolId,
            c.misId,
            c.title,
            c.forename,
            c.surname,
            JSON.stringify(c.emails),
            JSON.stringify(c.mobiles),
            1,
            w.fingerprint,
            at,
            at,
          ];
        }),
        ['title', 'forename', 'surname', 'emails', 'mobiles', 'active', 'fingerprint', 'updated_at'],
      ),
    );
  }

  async writePupils(schoolId: SchoolId, writes: readonly PupilWrite[], at: Date): Promise<void> {
    if (writes.length === 0) {
      return;
    }
    const today = ukDate(at);
    const pupilIds = writes.map((w) => w.id);
    await this.em.transactional(async (em) => {
      await upsertRows(
        em,
        'pupils',
        [
          'id',
          'school_id',
          'mis_id',
          'upn',
          'legal_forename',
          'legal_surname',
          'preferred_forename',
          'preferred_surname',
          'date_of_birth',
          'nc_year',
          'year_group',
          'registration_group',
          'email',
          'enrolment',
          'leave_date',
          'fingerprint',
          'created_at',
          'updated_at',
        ],
        writes.map(({ id, record: p, fingerprint }) => [
          id,
          schoolId,
          p.misId,
          p.upn,
          p.legalForename,
          p.legalSurname,
          p.preferredForename,
          p.preferredSurname,
          p.dateOfBirth,
          p.ncYear,
          p.yearGroup,
          p.registrationGroup,
          p.email,
          'on_roll',
          null,
          fingerprint,
          at,
          at,
        ]),
        [
          'upn',
          'legal_forename',
          'legal_surname',
          'preferred_forename',
          'preferred_surname',
          'date_of_birth',
          'nc_year',
          'year_group',
          'registration_group',
          'email',
          'enrolment',
          'leave_date',
          'fingerprint',
          'updated_at',
        ],
      );
      const existing = writes.filter((w) => !w.isNew).map((w) => w.id);
      await deleteWhereIn(em, 'pupil_contacts', schoolId, 'pupil_id', existing);
      await deleteWhereIn(em, 'group_members', schoolId, 'pupil_id', existing);
      await upsertRows(
        em,
        'pupil_contacts',
        [
          'school_id',
          'pupil_id',
          'contact_id',
          'relationship',
          'parental_responsibility',
          'priority',
          'lives_with_pupil',
        ],
        writes.flatMap((w) =>
          w.record.contacts.flatMap((l) => {
            const contactId = w.contactIds.get(l.contact.misId);
            return contactId
              ? [
                  [
                    schoolId,
                    w.id,
                    contactId,
                    l.relationship,
                    l.parentalResponsibility ? 1 : 0,
                    l.priority,
                    l.livesWithPupil ? 1 : 0,
                  ],
                ]
              : [];
          }),
        ),
        ['relationship', 'parental_responsibility', 'priority', 'lives_with_pupil'],
      );
      await upsertRows(
        em,
        'group_members',
        ['school_id', 'group_id', 'pupil_id'],
        writes.flatMap((w) => w.groupIds.map((g) => [schoolId, g, w.id])),
        [],
      );
      await replaceCharacteristics(em, schoolId, pupilIds, writes, today);
    });
  }

  async writeStaff(schoolId: SchoolId, writes: readonly Write<MisStaffMember>[], at: Date): Promise<void> {
    await this.em.transactional((em) =>
      upsertRows(
        em,
        'staff_members',
        [
          'id',
          'school_id',
          'mis_id',
          'title',
          'forename',
          'surname',
          'job_title',
          'email',
          'active',
          'fingerprint',
          'created_at',
          'updated_at',
        ],
        writes.map(({ id, record: s, fingerprint }) => [
          id,
          schoolId,
          s.misId,
          s.title,
          s.forename,
          s.surname,
          s.jobTitle,
          s.email,
          1,
          fingerprint,
          at,
          at,
        ]),
        ['title', 'forename', 'surname', 'job_title', 'email', 'active', 'fingerprint', 'updated_at'],
      ),
    );
  }

  async markPupilsLeft(
    schoolId: SchoolId,
    leavers: ReadonlyMap<string, string | null>,
    today: string,
    at: Date,
  ): Promise<number> {
    // One UPDATE per leave date (most leavers share one), chunked, rather than one per pupil.
    const byDate = new Map<string, string[]>();
    leavers.forEach((leaveDate, misId) =>
      byDate.set(leaveDate ?? today, [...(byDate.get(leaveDate ?? today) ?? []), misId]),
    );
    let changed = 0;
    await this.em.transactional(async (em) => {
      for (const [leaveDate, misIds] of byDate) {
        for (const chunk of chunks(misIds)) {
          const result = await em
            .getConnection()
            .execute<{ affectedRows: number }>(
              `update pupils set enrolment = 'left', leave_date = ?, updated_at = ? where school_id = ? and enrolment = 'on_roll' and mis_id in (${chunk.map(() => '?').join(', ')})`,
              [leaveDate, at, schoolId, ...chunk],
              'run',
              em.getTransactionContext(),
            );
          changed += result.affectedRows;
        }
      }
    });
    return changed;
  }

  async deactivate(
    schoolId: SchoolId,
    kind: 'contact' | 'staff' | 'group',
    misIds: readonly string[],
    at: Date,
  ): Promise<number> {
    if (misIds.length === 0) {
      return 0;
    }
    const { table } = TABLES[kind];
    let changed = 0;
    await this.em.transactional(async (em) => {
      for (const chunk of chunks(misIds)) {
        const result = await em
          .getConnection()
          .execute<{ affectedRows: number }>(
            `update \`${table}\` set active = 0, updated_at = ? where school_id = ? and active = 1 and mis_id in (${chunk.map(() => '?').join(', ')})`,
            [at, schoolId, ...chunk],
            'run',
            em.getTransactionContext(),
          );
        changed += result.affectedRows;
      }
    });
    return changed;
  }

  async names(
    schoolId: SchoolId,
    kind: DirectoryKind,
    misIds: readonly string[],
  ): Promise<Map<string, string>> {
    const { table } = TABLES[kind];
    const name = NAMES[kind];
    const names = new Map<string, string>();
    for (const chunk of chunks(misIds)) {
      const rows = await selectRows<{ mis_id: string; name: string }>(
        this.em,
        `select mis_id, ${name} as name from \`${table}\` where school_id = ? and mis_id in (${chunk.map(() => '?').join(', ')})`,
        [schoolId, ...chunk],
      );
      rows.forEach((r) => names.set(r.mis_id, r.name));
    }
    return names;
  }
}
