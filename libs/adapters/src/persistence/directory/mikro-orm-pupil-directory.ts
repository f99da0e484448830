import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  Contact,
  Group,
  GroupMember,
  Pupil,
  PupilCharacteristic,
  PupilContact,
  PupilDirectory,
  StaffMember,
  type ContactDetail,
  type GroupFilter,
  type GroupSummary,
  type StaffSummary,
  type PupilDetail,
  type PupilFilter,
  type PupilSummary,
} from '@rowan/directory';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeNameCursor, encodeNameCursor } from '../cursor';
import { listGroups } from './mikro-orm-group-list';

const summary = (p: Pupil): PupilSummary => ({
  id: p.id,
  preferredForename: p.preferredForename,
  preferredSurname: p.preferredSurname,
  yearGroup: p.yearGroup,
  ncYear: p.ncYear,
  registrationGroup: p.registrationGroup,
  enrolment: p.enrolment,
  leaveDate: p.leaveDate,
  anonymised: p.anonymisedAt !== null && p.anonymisedAt !== undefined,
});

/** Reads pupils through the request's tenant-scoped entity manager. */
@Injectable()
export class MikroOrmPupilDirectory extends PupilDirectory {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /** Sorted as staff read a register: surname, then forename; the cursor is the last (surname, forename, id). */
  async list(schoolId: SchoolId, filter: PupilFilter, page: PageRequest): Promise<Page<PupilSummary>> {
    const after = decodeNameCursor(page.cursor);
    const term = filter.search?.trim();
    const like = term ? `${term.replace(/[%_\\]/g, '\\$&')}%` : undefined;
    const pupils = await this.em.find(
      Pupil,
      {
        schoolId,
        enrolment: filter.enrolment ?? 'on_roll',
        ...(filter.ncYear !== undefined ? { ncYear: filter.ncYear } : {}),
        ...(filter.registrationGroup ? { registrationGroup: filter.registrationGroup } : {}),
        $and: [
          like
            ? {
                $or: [
                  { preferredForename: { $like: like } },
                  { preferredSurname: { $like: like } },
                  { legalSurname: { $like: like } },
                  { legalForename: { $like: like } },
                  { upn: term },
                ],
              }
            : {},
          after
            ? {
                $or: [
                  { preferredSurname: { $gt: after.surname } },
                  { preferredSurname: after.surname, preferredForename: { $gt: after.forename } },
                  {
                    preferredSurname: after.surname,
                    preferredForename: after.forename,
                    id: { $gt: after.id },
                  },
                ],
              }
            : {},
        ],
      },
      {
        orderBy: [{ preferredSurname: 'asc' }, { preferredForename: 'asc' }, { id: 'asc' }],
        limit: page.limit + 1,
      },
    );
    const items = pupils.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(summary),
      nextCursor: pupils.length > page.limit && last ? encodeNameCursor(last) : null,
    };
  }

  listGroups(schoolId: SchoolId, filter: GroupFilter, page: PageRequest): Promise<Page<GroupSummary>> {
    return listGroups(this.em, schoolId, filter, page);
  }

  /** One grouped count per table for all the schools: four queries, whatever the number of schools. */
  async countsBySchool(
    schoolIds: readonly SchoolId[],
  ): Promise<Map<string, { pupilsOnRoll: number; leavers: number; contacts: number; staff: number }>> {
    const counts = new Map(
      schoolIds.map((id) => [id as string, { pupilsOnRoll: 0, leavers: 0, contacts: 0, staff: 0 }]),
    );
    if (schoolIds.length === 0) {
      return counts;
    }
    const ids = [...schoolIds];
    const marks = ids.map(() => '?').join(', ');
    const connection = this.em.getConnection();
    const [pupils, contacts, staff] = await Promise.all([
      connection.execute<Array<{ school_id: string; enrolment: string; n: number }>>(
        `select school_id, enrolment, count(*) as n from pupils where school_id in (${marks}) group by school_id, enrolment`,
        ids,
      ),
      connection.execute<Array<{ school_id: string; n: number }>>(
        `select school_id, count(*) as n from contacts where active = 1 and school_id in (${marks}) group by school_id`,
        ids,
      ),
      connection.execute<Array<{ school_id: string; n: number }>>(
        `select school_id, count(*) as n from staff_members where active = 1 and school_id in (${marks}) group by school_id`,
        ids,
      ),
    ]);
    pupils.forEach((r) => {
      const c = counts.get(r.school_id);
      if (c) {
        c[r.enrolment === 'left' ? 'leavers' : 'pupilsOnRoll'] = Number(r.n);
      }
    });
    contacts.forEach((r) => counts.has(r.school_id) && (counts.get(r.school_id)!.contacts = Number(r.n)));
    staff.forEach((r) => counts.has(r.school_id) && (counts.get(r.school_id)!.staff = Number(r.n)));
    return counts;
  }

  async detail(schoolId: SchoolId, pupilId: string): Promise<PupilDetail | null> {
    const pupil = await this.em.findOne(Pupil, { id: pupilId, schoolId });
    if (!pupil) {
      return null;
    }
    const [links, memberships, characteristics] = await Promise.all([
      this.em.find(PupilContact, { pupilId, schoolId }, { orderBy: { priority: 'asc' } }),
      this.em.find(GroupMember, { pupilId, schoolId }),
      this.em.find(PupilCharacteristic, { pupilId, schoolId }, { orderBy: { effectiveFrom: 'desc' } }),
    ]);
    const [contacts, groups] = await Promise.all([
      links.length ? this.em.find(Contact, { id: { $in: links.map((l) => l.contactId) }, schoolId }) : [],
      memberships.length
        ? this.em.find(
            Group,
            { id: { $in: memberships.map((m) => m.groupId) }, schoolId },
            { orderBy: { name: 'asc' } },
          )
        : [],
    ]);
    const contactById = new Map(contacts.map((c) => [c.id, c]));
    const appUsers = await this.activeParents(schoolId, contacts);
    return {
      ...summary(pupil),
      misId: pupil.misId,
      upn: pupil.upn,
      legalForename: pupil.legalForename,
      legalSurname: pupil.legalSurname,
      dateOfBirth: pupil.dateOfBirth,
      email: pupil.email ?? null,
      groups: groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
      characteristics: characteristics.map((c) => ({
        kind: c.kind,
        value: c.value,
        effectiveFrom: c.effectiveFrom,
        effectiveTo: c.effectiveTo,
      })),
      contacts: links.flatMap((l) => {
        const c = contactById.get(l.contactId);
        return c
          ? [
              {
                id: c.id,
                title: c.title,
                forename: c.forename,
                surname: c.surname,
                relationship: l.relationship,
                parentalResponsibility: l.parentalResponsibility,
                priority: l.priority,
                livesWithPupil: l.livesWithPupil,
                emails: c.emails,
                mobiles: c.mobiles,
                usesParentApp: appUsers.has(c.id),
              },
            ]
          : [];
      }),
    };
  }

  async contactDetail(schoolId: SchoolId, contactId: string): Promise<ContactDetail | null> {
    const contact = await this.em.findOne(Contact, { id: contactId, schoolId, active: true });
    if (!contact) {
      return null;
    }
    const links = await this.em.find(PupilContact, { contactId, schoolId });
    const pupils = links.length
      ? await this.em.find(Pupil, { id: { $in: links.map((l) => l.pupilId) }, schoolId })
      : [];
    const byId = new Map(pupils.map((p) => [p.id, p]));
    const appUsers = await this.activeParents(schoolId, [contact]);
    return {
      id: contact.id,
      title: contact.title,
      forename: contact.forename,
      surname: contact.surname,
      emails: contact.emails,
      mobiles: contact.mobiles,
      usesParentApp: appUsers.has(contact.id),
      invited: contact.userId !== null,
      children: links
        .flatMap((l) => {
          const p = byId.get(l.pupilId);
          return p
            ? [
                {
                  ...summary(p),
                  relationship: l.relationship,
                  parentalResponsibility: l.parentalResponsibility,
                  priority: l.priority,
                  livesWithPupil: l.livesWithPupil,
                },
              ]
            : [];
        })
        .sort((a, b) => a.preferredForename.localeCompare(b.preferredForename, 'en-GB')),
    };
  }

  /**
   * Of these contacts, those who use the parent app: linked to a person whose parent membership of this school
   * is active (they accepted the invitation by signing in, and it has not been revoked).
   */
  private async activeParents(schoolId: SchoolId, contacts: readonly Contact[]): Promise<Set<string>> {
    const linked = contacts.filter((c) => c.userId !== null);
    if (linked.length === 0) {
      return new Set();
    }
    const rows = await this.em
      .getConnection()
      .execute<Array<{ user_id: string }>>(
        `select user_id from memberships where school_id = ? and role = 'parent' and status = 'active' and user_id in (${linked.map(() => '?').join(', ')})`,
        [schoolId, ...linked.map((c) => c.userId)],
        'all',
        this.em.getTransactionContext(),
      );
    const active = new Set(rows.map((r) => r.user_id));
    return new Set(linked.filter((c) => active.has(c.userId!)).map((c) => c.id));
  }

  async listStaff(
    schoolId: SchoolId,
    search: string | undefined,
    page: PageRequest,
  ): Promise<Page<StaffSummary>> {
    const after = decodeNameCursor(page.cursor);
    const like = search ? `${search.replace(/[%_\\]/g, '\\$&')}%` : undefined;
    const staff = await this.em.find(
      StaffMember,
      {
        schoolId,
        active: true,
        $and: [
          like
            ? {
                $or: [
                  { forename: { $like: like } },
                  { surname: { $like: like } },
                  { email: { $like: like } },
                ],
              }
            : {},
          after
            ? {
                $or: [
                  { surname: { $gt: after.surname } },
                  { surname: after.surname, forename: { $gt: after.forename } },
                  { surname: after.surname, forename: after.forename, id: { $gt: after.id } },
                ],
              }
            : {},
        ],
      },
      { orderBy: [{ surname: 'asc' }, { forename: 'asc' }, { id: 'asc' }], limit: page.limit + 1 },
    );
    const items = staff.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((s) => ({
        id: s.id,
        title: s.title,
        forename: s.forename,
        surname: s.surname,
        jobTitle: s.jobTitle,
        email: s.email,
      })),
      nextCursor:
        staff.length > page.limit && last
          ? encodeNameCursor({
              preferredSurname: last.surname,
              preferredForename: last.forename,
              id: last.id,
            })
          : null,
    };
  }
}
