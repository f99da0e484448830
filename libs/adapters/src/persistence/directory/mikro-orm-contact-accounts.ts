import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Contact, ContactAccounts, type LinkedChild } from '@rowan/directory';
import type { SchoolId, UserId } from '@rowan/kernel';

@Injectable()
export class MikroOrmContactAccounts extends ContactAccounts {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async findContact(
    schoolId: SchoolId,
    contactId: string,
  ): Promise<{
    id: string;
    forename: string;
    surname: string;
    emails: string[];
    userId: string | null;
  } | null> {
    const contact = await this.em.findOne(Contact, { id: contactId, schoolId, active: true });
    return contact
      ? {
          id: contact.id,
          forename: contact.forename,
          surname: contact.surname,
          emails: contact.emails,
          userId: contact.userId,
        }
      : null;
  }

  async link(schoolId: SchoolId, contactId: string, userId: UserId): Promise<void> {
    await this.em.nativeUpdate(Contact, { id: contactId, schoolId }, { userId, updatedAt: new Date() });
  }

  /** Keyed by the signed-in user themself, across their schools: the only way a parent reaches pupils. */
  async childrenOf(userId: UserId): Promise<LinkedChild[]> {
    const rows = await this.em.getConnection().execute<
      Array<{
        id: string;
        preferred_forename: string;
        preferred_surname: string;
        year_group: string | null;
        registration_group: string | null;
        school_id: string;
        relationship: string;
        parental_responsibility: number;
      }>
    >(
      `select p.id, p.preferred_forename, p.preferred_surname, p.year_group, p.registration_group, p.school_id, pc.relationship,
              pc.parental_responsibility
         from contacts c
         join pupil_contacts pc on pc.contact_id = c.id and pc.school_id = c.school_id
         join pupils p on p.id = pc.pupil_id and p.school_id = c.school_id
        where c.user_id = ? and c.active = 1 and p.enrolment = 'on_roll'
        order by p.preferred_forename, p.preferred_surname`,
      [userId],
    );
    // One child may be reached through several of the user's contact records: responsibility through any counts.
    const responsible = new Set(rows.filter((r) => Number(r.parental_responsibility) === 1).map((r) => r.id));
    const seen = new Set<string>();
    return rows
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => ({
        id: r.id,
        preferredForename: r.preferred_forename,
        preferredSurname: r.preferred_surname,
        yearGroup: r.year_group,
        registrationGroup: r.registration_group,
        schoolId: r.school_id,
        relationship: r.relationship,
        parentalResponsibility: responsible.has(r.id),
      }));
  }
}
