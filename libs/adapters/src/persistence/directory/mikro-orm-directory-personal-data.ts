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
import { columns, day, iso, joined, parsed, rows, yes, type Cells } from '../personal-data.sql';

const FROM_MIS =
  'From the school’s MIS (management information system), synced daily, or uploaded by the school.';

const name = (p: { forename: string; surname: string; title?: string | null }) =>
  [p.title, p.forename, p.surname].filter(Boolean).join(' ');

interface PupilRow {
  id: string;
  mis_id: string;
  upn: string | null;
  legal_forename: string;
  legal_surname: string;
  preferred_forename: string;
  preferred_surname: string;
  date_of_birth: string | null;
  nc_year: number | null;
  year_group: string | null;
  registration_group: string | null;
  email: string | null;
  enrolment: string;
  leave_date: string | null;
  created_at: Date;
  updated_at: Date;
}

interface ContactRow {
  id: string;
  mis_id: string;
  title: string | null;
  forename: string;
  surname: string;
  emails: unknown;
  mobiles: unknown;
  user_id: string | null;
  active: number;
  created_at: Date;
  updated_at: Date;
}

interface StaffRow {
  id: string;
  mis_id: string;
  title: string | null;
  forename: string;
  surname: string;
  job_title: string | null;
  email: string | null;
  active: number;
  created_at: Date;
  updated_at: Date;
}

interface LinkRow {
  pupil_id: string;
  contact_id: string;
  relationship: string;
  parental_responsibility: number;
  priority: number;
  lives_with_pupil: number;
}

const LINK = 'l.relationship, l.parental_responsibility, l.priority, l.lives_with_pupil';
const PUPIL_COLUMNS = `p.id, p.mis_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,
  p.preferred_surname, ${day('p.date_of_birth', 'date_of_birth')}, p.nc_year, p.year_group, p.registration_group,
  p.email, p.enrolment, ${day('p.leave_date', 'leave_date')}, p.created_at, p.updated_at`;
const CONTACT_COLUMNS =
  'c.id, c.mis_id, c.title, c.forename, c.surname, c.emails, c.mobiles, c.user_id, c.active, c.created_at, c.updated_at';

const linkCells = (l: LinkRow): Cells => ({
  relationship: l.relationship,
  parentalResponsibility: yes(l.parental_responsibility),
  priority: l.priority,
  livesWithPupil: yes(l.lives_with_pupil),
});

const LINK_COLUMNS = columns(
  ['relationship', 'Relationship', 'text'],
  ['parentalResponsibility', 'Parental responsibility', 'boolean'],
  ['priority', 'Contact order', 'number'],
  ['livesWithPupil', 'Lives with the pupil', 'boolean'],
);

/** The directory's part of a subject access export: the person's record and how they are linked to others. */
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
    const groups = await rows<{ name: string; kind: string; code: string | null; active: number }>(
      this.em,
      `select g.name, g.kind, g.code, g.active from group_members m join pupil_groups g on g.id = m.group_id and g.school_id = m.school_id
        where m.school_id = ? and m.pupil_id = ? order by g.kind, g.name`,
      [schoolId, pupilId],
    );
    const characteristics = await rows<{
      kind: string;
      value: string;
      effective_from: string;
      effective_to: string | null;
    }>(
      this.em,
      `select kind, value, ${day('effective_from', 'effective_from')}, ${day('effective_to', 'effective_to')}
         from pupil_characteristics where school_id = ? and pupil_id = ? order by kind, effective_from`,
      [schoolId, pupilId],
    );
    return [
      {
        key: 'directory.pupil',
        category: 'Directory',
        title: 'Pupil record',
        description: `The pupil’s names, identifiers, year, class and enrolment. ${FROM_MIS}`,
        columns: columns(
          ['misId', 'MIS id', 'text'],
          ['upn', 'UPN', 'text'],
          ['legalForename', 'Legal forename', 'text'],
          ['legalSurname', 'Legal surname', 'text'],
          ['preferredForename', 'Preferred forename', 'text'],
          ['preferredSurname', 'Preferred surname', 'text'],
          ['dateOfBirth', 'Date of birth', 'date'],
          ['ncYear', 'NC year', 'number'],
          ['yearGroup', 'Year group', 'text'],
          ['registrationGroup', 'Class', 'text'],
          ['email', 'School email', 'text'],
          ['enrolment', 'Enrolment', 'text'],
          ['leaveDate', 'Leave date', 'date'],
          ['firstRecordedAt', 'First recorded in Rowan', 'datetime'],
          ['updatedAt', 'Last updated', 'datetime'],
        ),
        rows: p
          ? [
              {
                misId: p.mis_id,
                upn: p.upn,
                legalForename: p.legal_forename,
                legalSurname: p.legal_surname,
                preferredForename: p.preferred_forename,
                preferredSurname: p.preferred_surname,
                dateOfBirth: p.date_of_birth,
                ncYear: p.nc_year,
                yearGroup: p.year_group,
                registrationGroup: p.registration_group,
                email: p.email,
                enrolment: p.enrolment,
                leaveDate: p.leave_date,
                firstRecordedAt: iso(p.created_at),
                updatedAt: iso(p.updated_at),
              },
            ]
          : [],
      },
      {
        key: 'directory.pupil_contacts',
        category: 'Directory',
        title: 'Contacts',
        description: `The pupil’s parents and carers, in the order the school contacts them. ${FROM_MIS}`,
        columns: [
          ...columns(['contactId', 'Contact id', 'text'], ['name', 'Name', 'text']),
          ...LINK_COLUMNS,
          ...columns(
            ['emails', 'Emails', 'text'],
            ['mobiles', 'Mobiles', 'text'],
            ['hasRowanAccount', 'Parent app account', 'boolean'],
          ),
        ],
        rows: contacts.map((c) => ({
          contactId: c.id,
          name: name(c),
          ...linkCells(c),
          emails: joined(parsed<string[]>(c.emails)),
          mobiles: joined(parsed<string[]>(c.mobiles)),
          hasRowanAccount: c.user_id !== null,
        })),
      },
      {
        key: 'directory.groups',
        category: 'Directory',
        title: 'Groups',
        description: `Classes, teaching groups and other groups the pupil is in. ${FROM_MIS}`,
        columns: columns(
          ['name', 'Group', 'text'],
          ['kind', 'Kind', 'text'],
          ['code', 'Code', 'text'],
          ['active', 'Active', 'boolean'],
        ),
        rows: groups.map((g) => ({ name: g.name, kind: g.kind, code: g.code, active: yes(g.active) })),
      },
      {
        key: 'directory.characteristics',
        category: 'Directory',
        title: 'Characteristics',
        description: `Pupil Premium, free school meals, SEN and similar, each for the period it applied; used for eligibility, subsidies and equity reports. ${FROM_MIS}`,
        columns: columns(
          ['kind', 'Characteristic', 'text'],
          ['value', 'Value', 'text'],
          ['from', 'From', 'date'],
          ['to', 'To', 'date'],
        ),
        rows: characteristics.map((c) => ({
          kind: c.kind,
          value: c.value,
          from: c.effective_from,
          to: c.effective_to,
        })),
      },
    ];
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
    return [
      {
        key: 'directory.contact',
        category: 'Directory',
        title: 'Contact record',
        description: `The contact’s name, email addresses and mobile numbers, used to reach them about their children. ${FROM_MIS}`,
        columns: columns(
          ['misId', 'MIS id', 'text'],
          ['title', 'Title', 'text'],
          ['forename', 'Forename', 'text'],
          ['surname', 'Surname', 'text'],
          ['emails', 'Emails', 'text'],
          ['mobiles', 'Mobiles', 'text'],
          ['active', 'Current', 'boolean'],
          ['hasRowanAccount', 'Parent app account', 'boolean'],
          ['firstRecordedAt', 'First recorded in Rowan', 'datetime'],
          ['updatedAt', 'Last updated', 'datetime'],
        ),
        rows: c
          ? [
              {
                misId: c.mis_id,
                title: c.title,
                forename: c.forename,
                surname: c.surname,
                emails: joined(parsed<string[]>(c.emails)),
                mobiles: joined(parsed<string[]>(c.mobiles)),
                active: yes(c.active),
                hasRowanAccount: c.user_id !== null,
                firstRecordedAt: iso(c.created_at),
                updatedAt: iso(c.updated_at),
              },
            ]
          : [],
      },
      {
        key: 'directory.children',
        category: 'Directory',
        title: 'Children',
        description: `Pupils at the school who have this person as a contact, and how. ${FROM_MIS}`,
        columns: [
          ...columns(
            ['pupilId', 'Pupil id', 'text'],
            ['name', 'Pupil', 'text'],
            ['yearGroup', 'Year group', 'text'],
            ['registrationGroup', 'Class', 'text'],
          ),
          ...LINK_COLUMNS,
        ],
        rows: children.map((p) => ({
          pupilId: p.id,
          name: `${p.preferred_forename} ${p.preferred_surname}`,
          yearGroup: p.year_group,
          registrationGroup: p.registration_group,
          ...linkCells(p),
        })),
      },
    ];
  }

  private async staffSections(schoolId: SchoolId, staffId: string): Promise<SubjectDataSection[]> {
    const [s] = await this.staff(schoolId, staffId);
    return [
      {
        key: 'directory.staff',
        category: 'Directory',
        title: 'Staff record',
        description: `The member of staff’s name, job title and work email. ${FROM_MIS}`,
        columns: columns(
          ['misId', 'MIS id', 'text'],
          ['title', 'Title', 'text'],
          ['forename', 'Forename', 'text'],
          ['surname', 'Surname', 'text'],
          ['jobTitle', 'Job title', 'text'],
          ['email', 'Email', 'text'],
          ['active', 'Current', 'boolean'],
          ['firstRecordedAt', 'First recorded in Rowan', 'datetime'],
          ['updatedAt', 'Last updated', 'datetime'],
        ),
        rows: s
          ? [
              {
                misId: s.mis_id,
                title: s.title,
                forename: s.forename,
                surname: s.surname,
                jobTitle: s.job_title,
                email: s.email,
                active: yes(s.active),
                firstRecordedAt: iso(s.created_at),
                updatedAt: iso(s.updated_at),
              },
            ]
          : [],
      },
    ];
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
