import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  LeaverRegister,
  RetentionParticipant,
  type Leavers,
  type LeaversKept,
  type RetentionChanges,
} from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { chunks, placeholders, runSql, selectRows } from './bulk-sql';

/** Who left the school and when, from the pupils the MIS marked as left. */
@Injectable()
export class MikroOrmLeaverRegister extends LeaverRegister {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async schoolsWithDueLeavers(leftOnOrBefore: string): Promise<SchoolId[]> {
    const rows = await selectRows<{ school_id: string }>(
      this.em,
      `select distinct school_id from pupils
        where enrolment = 'left' and leave_date <= ? and anonymised_at is null`,
      [leftOnOrBefore],
    );
    return rows.map((r) => r.school_id as SchoolId);
  }

  async findDue(schoolId: SchoolId, leftOnOrBefore: string, limit: number): Promise<Leavers> {
    const pupils = await selectRows<{ id: string }>(
      this.em,
      `select id from pupils
        where school_id = ? and enrolment = 'left' and leave_date <= ? and anonymised_at is null
        order by leave_date, id limit ? for update`,
      [schoolId, leftOnOrBefore, limit],
    );
    const pupilIds = pupils.map((p) => p.id);
    if (!pupilIds.length) {
      return { pupilIds, contactIds: [], contactUserIds: [] };
    }
    // Their contacts with no other child who is still here or not yet due.
    const contacts = await selectRows<{ id: string; user_id: string | null }>(
      this.em,
      `select distinct c.id, c.user_id
         from pupil_contacts pc join contacts c on c.id = pc.contact_id
        where pc.school_id = ? and pc.pupil_id in (${placeholders(pupilIds)}) and c.anonymised_at is null
          and not exists (
            select 1 from pupil_contacts other join pupils p on p.id = other.pupil_id
             where other.contact_id = c.id and p.anonymised_at is null
               and (p.enrolment <> 'left' or p.leave_date is null or p.leave_date > ?))
        order by c.id`,
      [schoolId, ...pupilIds, leftOnOrBefore],
    );
    return {
      pupilIds,
      contactIds: contacts.map((c) => c.id),
      contactUserIds: contacts.flatMap((c) => (c.user_id ? [c.user_id] : [])),
    };
  }

  async kept(schoolId: SchoolId): Promise<LeaversKept> {
    const [row] = await selectRows<{ kept: number; anonymised: number; earliest: string | null }>(
      this.em,
      `select coalesce(sum(anonymised_at is null), 0) as kept, coalesce(sum(anonymised_at is not null), 0) as anonymised,
              date_format(min(case when anonymised_at is null then leave_date end), '%Y-%m-%d') as earliest
         from pupils where school_id = ? and enrolment = 'left'`,
      [schoolId],
    );
    return {
      kept: Number(row?.kept ?? 0),
      anonymised: Number(row?.anonymised ?? 0),
      earliestLeaveDate: row?.earliest ?? null,
    };
  }
}

/**
 * The directory's part in anonymising leavers: names, identifiers, dates of birth and addresses replaced; links
 * to contacts, groups and characteristics removed. The pupil row stays (as "Anonymised pupil") so the bookings
 * and payments that point at it still add up.
 */
@Injectable()
export class DirectoryRetention extends RetentionParticipant {
  readonly context = 'directory';

  constructor(private readonly em: EntityManager) {
    super();
  }

  async anonymise(schoolId: SchoolId, leavers: Leavers, at: Date): Promise<RetentionChanges> {
    const counts: Record<string, number> = {};
    const add = (what: string, n: number) => (counts[what] = (counts[what] ?? 0) + n);
    for (const ids of chunks(leavers.pupilIds)) {
      const inList = `(${placeholders(ids)})`;
      add(
        'pupils',
        await runSql(
          this.em,
          `update pupils
              set mis_id = concat('anonymised-', id), upn = null, legal_forename = 'Anonymised',
                  legal_surname = 'pupil', preferred_forename = 'Anonymised', preferred_surname = 'pupil',
                  date_of_birth = null, email = null, registration_group = null, fingerprint = '',
                  anonymised_at = ?, updated_at = ?
            where school_id = ? and id in ${inList} and anonymised_at is null`,
          [at, at, schoolId, ...ids],
        ),
      );
      for (const table of ['pupil_contacts', 'group_members', 'pupil_characteristics']) {
        add(
          table,
          await runSql(this.em, `delete from ${table} where school_id = ? and pupil_id in ${inList}`, [
            schoolId,
            ...ids,
          ]),
        );
      }
    }
    for (const ids of chunks(leavers.contactIds)) {
      const inList = `(${placeholders(ids)})`;
      add(
        'contacts',
        await runSql(
          this.em,
          `update contacts
              set mis_id = concat('anonymised-', id), title = null, forename = 'Anonymised', surname = 'contact',
                  emails = '[]', mobiles = '[]', user_id = null, active = 0, fingerprint = '',
                  anonymised_at = ?, updated_at = ?
            where school_id = ? and id in ${inList} and anonymised_at is null`,
          [at, at, schoolId, ...ids],
        ),
      );
      add(
        'pupil_contacts',
        await runSql(this.em, `delete from pupil_contacts where school_id = ? and contact_id in ${inList}`, [
          schoolId,
          ...ids,
        ]),
      );
    }
    return { rows: counts };
  }
}
