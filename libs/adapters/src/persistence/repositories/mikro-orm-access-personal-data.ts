import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { PersonalDataSource, type DataSubject, type SubjectDataSection } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { columns, iso, marks, rows } from '../personal-data.sql';

interface AuditRow {
  at: Date;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
}

const AUDIT_COLUMNS = columns(
  ['at', 'When', 'datetime'],
  ['action', 'Action', 'text'],
  ['targetType', 'About', 'text'],
  ['targetId', 'Id', 'text'],
  ['summary', 'Summary', 'text'],
);

const auditCells = (r: AuditRow) => ({
  at: iso(r.at),
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  summary: r.summary,
});

/**
 * The access context's part of a subject access export: the person's Rowan account and memberships here (a
 * contact's parent account; a member of staff's account, found by their work email), and the audit trail about
 * them and of what they did at the school.
 */
@Injectable()
export class MikroOrmAccessPersonalData extends PersonalDataSource {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]> {
    const users = await this.accounts(schoolId, subject);
    const userIds = users.map((u) => u.id);
    const memberships = userIds.length
      ? await rows<{
          id: string;
          school_id: string | null;
          role: string;
          status: string;
          created_at: Date;
          updated_at: Date;
        }>(
          this.em,
          `select m.id, m.school_id, m.role, m.status, m.created_at, m.updated_at from memberships m
            where m.user_id in (${marks(userIds)})
              and (m.school_id = ? or (m.school_id is null and m.trust_id = (select s.trust_id from schools s where s.id = ?)))
            order by m.created_at, m.id`,
          [...userIds, schoolId, schoolId],
        )
      : [];
    const targets: Array<[string, string]> = [
      [subject.kind, subject.id],
      ...userIds.map((id): [string, string] => ['user', id]),
      ...memberships.map((m): [string, string] => ['membership', m.id]),
    ];
    const about = await rows<AuditRow>(
      this.em,
      `select at, action, target_type, target_id, summary from audit_records
        where school_id = ? and (${targets.map(() => '(target_type = ? and target_id = ?)').join(' or ')})
        order by id`,
      [schoolId, ...targets.flat()],
    );
    const by = userIds.length
      ? await rows<AuditRow>(
          this.em,
          `select at, action, target_type, target_id, summary from audit_records
            where school_id = ? and actor_id in (${marks(userIds)}) order by id`,
          [schoolId, ...userIds],
        )
      : [];
    return [
      {
        key: 'access.accounts',
        category: 'Access',
        title: 'Rowan account',
        description:
          'The account this person signs in to Rowan with, if they have one; sign-in itself (passwords, multi-factor authentication) is held by the identity provider, not Rowan.',
        columns: columns(
          ['userId', 'User id', 'text'],
          ['email', 'Email', 'text'],
          ['givenName', 'Given name', 'text'],
          ['familyName', 'Family name', 'text'],
          ['createdAt', 'Created', 'datetime'],
          ['updatedAt', 'Last updated', 'datetime'],
        ),
        rows: users.map((u) => ({
          userId: u.id,
          email: u.email,
          givenName: u.given_name,
          familyName: u.family_name,
          createdAt: iso(u.created_at),
          updatedAt: iso(u.updated_at),
        })),
      },
      {
        key: 'access.memberships',
        category: 'Access',
        title: 'Memberships',
        description:
          'The roles the account holds at this school or across its trust, which decide what it may see and do.',
        columns: columns(
          ['membershipId', 'Membership id', 'text'],
          ['scope', 'Where', 'text'],
          ['role', 'Role', 'text'],
          ['status', 'Status', 'text'],
          ['createdAt', 'Created', 'datetime'],
          ['updatedAt', 'Last changed', 'datetime'],
        ),
        rows: memberships.map((m) => ({
          membershipId: m.id,
          scope: m.school_id ? 'This school' : 'The whole trust',
          role: m.role,
          status: m.status,
          createdAt: iso(m.created_at),
          updatedAt: iso(m.updated_at),
        })),
      },
      {
        key: 'access.audit_about',
        category: 'Access',
        title: 'Audit records about this person',
        description:
          'Changes recorded in the school’s audit trail to this person’s record, account or memberships, and earlier exports of their data.',
        columns: AUDIT_COLUMNS,
        rows: about.map(auditCells),
      },
      {
        key: 'access.audit_by',
        category: 'Access',
        title: 'Actions recorded as theirs',
        description: 'Changes this person made in Rowan at the school, as the audit trail recorded them.',
        columns: AUDIT_COLUMNS,
        rows: by.map(auditCells),
      },
    ];
  }

  /** A member of staff's account only when it belongs here, so an email alone never reaches another trust's user. */
  private accounts(schoolId: SchoolId, subject: DataSubject) {
    type UserRow = {
      id: string;
      email: string;
      given_name: string;
      family_name: string;
      created_at: Date;
      updated_at: Date;
    };
    const select = 'select id, email, given_name, family_name, created_at, updated_at from users';
    if (subject.userId) {
      return rows<UserRow>(this.em, `${select} where id = ?`, [subject.userId]);
    }
    if (subject.kind === 'staff' && subject.emails.length) {
      return rows<UserRow>(
        this.em,
        `${select} u where u.email in (${marks(subject.emails)}) and exists (select 1 from memberships m
           where m.user_id = u.id and (m.school_id = ? or (m.school_id is null and m.trust_id = (select s.trust_id from schools s where s.id = ?))))
         order by u.id`,
        [...subject.emails, schoolId, schoolId],
      );
    }
    return Promise.resolve([]);
  }
}
