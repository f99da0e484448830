import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  DataSubjects,
  PersonalDataSource,
  type DataSubject,
  type SubjectDataSection,
  type SubjectRef,
} from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { day, parsed, rows } from '../personal-data.sql';
import {
  CONTACT_COLUMNS,
  contactSections,
  LINK,
  name,
  PUPIL_COLUMNS,
  pupilSections,
  staffSections,
  type CharacteristicRow,
  type ContactRow,
  type GroupRow,
  type LinkRow,
  type PupilRow,
  type StaffRow,
} from './personal-data-directory-sections';

@Injectable()
export class MikroOrmDirectoryPersonalData extends PersonalDataSource implements DataSubjects {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async find(schoolId: SchoolId, subject: SubjectRef): Promise<DataSubject | null> {
    switch (subject.kind) {
      case 'pupil': {
        const [p] = await this.pupils(schoolId, 'p.id = ?', [subject.id]);
        if (!p) {
          return null;
        }
        const contacts = await this.contactsOf(schoolId, p.id);
        const knownUsers = Object.fromEntries(
          contacts.flatMap((c) => (c.user_id ? [[c.user_id, name(c)]] : [])),
        );
        return {
          ...subject,
          name: `${p.preferred_forename} ${p.preferred_surname}`,
          userId: null,
          emails: p.email ? [p.email] : [],
          knownUsers,
        };
      }
      case 'contact': {
        const [c] = await rows<ContactRow>(
          this.em,
          `select ${CONTACT_COLUMNS} from contacts c where c.school_id = ? and c.id = ?`,
          [schoolId, subject.id],
        );
        return c
          ? {
              ...subject,
              name: name(c),
              userId: c.user_id,
              emails: parsed<string[]>(c.emails) ?? [],
              knownUsers: c.user_id ? { [c.user_id]: name(c) } : {},
            }
          : null;
      }
      case 'staff': {
        const [s] = await this.staff(schoolId, subject.id);
        return s
          ? { ...subject, name: name(s), userId: null, emails: s.email ? [s.email] : [], knownUsers: {} }
          : null;
      }
    }
  }

  async collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]> {
    switch (subject.kind) {
      case 'pupil':
        return this.pupilSections(schoolId, subject.id);
      case 'contact':
        return this.contactSections(schoolId, subject.id);
      case 'staff':
        return this.staffSections(schoolId, subject.id);
    }
  }

  private async pupilSections(schoolId: SchoolId, pupilId: string): Promise<SubjectDataSection[]> {
    const [p] = await this.pupils(schoolId, 'p.id = ?', [pupilId]);
    const contacts = await this.contactsOf(schoolId, pupilId);
    const groups = await rows<GroupRow>(
      this.em,
      `select g.name, g.kind, g.code, g.active from group_members m join pupil_groups g on g.id = m.group_id and g.school_id = m.school_id
        where m.school_id = ? and m.pupil_id = ? order by g.kind, g.name`,
      [schoolId, pupilId],
    );
    const characteristics = await rows<CharacteristicRow>(
      this.em,
      `select kind, value, ${day('effective_from', 'effective_from')}, ${day('effective_to', 'effective_to')}
         from pupil_characteristics where school_id = ? and pupil_id = ? order by kind, effective_from`,
      [schoolId, pupilId],
    );
    return pupilSections(p, contacts, groups, characteristics);
  }

  private async contactSections(schoolId: SchoolId, contactId: string): Promise<SubjectDataSection[]> {
    const [c] = await rows<ContactRow>(
      this.em,
      `select ${CONTACT_COLUMNS} from contacts c where c.school_id = ? and c.id = ?`,
      [schoolId, contactId],
    );
    const children = await rows<PupilRow & LinkRow>(
      this.em,
      `select ${PUPIL_COLUMNS}, ${LINK} from pupil_contacts l join pupils p on p.id = l.pupil_id and p.school_id = l.school_id
        where l.school_id = ? and l.contact_id = ? order by p.date_of_birth, p.preferred_forename, p.id`,
      [schoolId, contactId],
    );
    return contactSections(c, children);
  }

  private async staffSections(schoolId: SchoolId, staffId: string): Promise<SubjectDataSection[]> {
    const [s] = await this.staff(schoolId, staffId);
    return staffSections(s);
  }

  private pupils(schoolId: SchoolId, where: string, params: unknown[]): Promise<PupilRow[]> {
    return rows<PupilRow>(
      this.em,
      `select ${PUPIL_COLUMNS} from pupils p where p.school_id = ? and ${where}`,
      [schoolId, ...params],
    );
  }

  private contactsOf(schoolId: SchoolId, pupilId: string): Promise<Array<ContactRow & LinkRow>> {
    return rows<ContactRow & LinkRow>(
      this.em,
      `select ${CONTACT_COLUMNS}, ${LINK} from pupil_contacts l join contacts c on c.id = l.contact_id and c.school_id = l.school_id
        where l.school_id = ? and l.pupil_id = ? order by l.priority, c.surname, c.id`,
      [schoolId, pupilId],
    );
  }

  private staff(schoolId: SchoolId, staffId: string): Promise<StaffRow[]> {
    return rows<StaffRow>(
      this.em,
      `select id, mis_id, title, forename, surname, job_title, email, active, created_at, updated_at
         from staff_members where school_id = ? and id = ?`,
      [schoolId, staffId],
    );
  }
}
