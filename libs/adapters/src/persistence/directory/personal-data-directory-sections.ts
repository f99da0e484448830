/** The directory's personal-data sections (subject access): its rows as export tables. */
import type { SubjectDataSection } from '@rowan/compliance';
import { columns, day, iso, joined, parsed, yes, type Cells } from '../personal-data.sql';

const FROM_MIS =
  'From the school’s MIS (management information system), synced daily, or uploaded by the school.';

export const name = (p: { forename: string; surname: string; title?: string | null }) =>
  [p.title, p.forename, p.surname].filter(Boolean).join(' ');

export interface PupilRow {
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

export interface ContactRow {
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

export interface StaffRow {
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

export interface LinkRow {
  pupil_id: string;
  contact_id: string;
  relationship: string;
  parental_responsibility: number;
  priority: number;
  lives_with_pupil: number;
}

export const LINK = 'l.relationship, l.parental_responsibility, l.priority, l.lives_with_pupil';
export const PUPIL_COLUMNS = `p.id, p.mis_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,
  p.preferred_surname, ${day('p.date_of_birth', 'date_of_birth')}, p.nc_year, p.year_group, p.registration_group,
  p.email, p.enrolment, ${day('p.leave_date', 'leave_date')}, p.created_at, p.updated_at`;
export const CONTACT_COLUMNS =
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

export interface GroupRow {
  name: string;
  kind: string;
  code: string | null;
  active: number;
}

export interface CharacteristicRow {
  kind: string;
  value: string;
  effective_from: string;
  effective_to: string | null;
}

export function pupilSections(
  p: PupilRow | undefined,
  contacts: ReadonlyArray<ContactRow & LinkRow>,
  groups: readonly GroupRow[],
  characteristics: readonly CharacteristicRow[],
): SubjectDataSection[] {
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

export function contactSections(
  c: ContactRow | undefined,
  children: ReadonlyArray<PupilRow & LinkRow>,
): SubjectDataSection[] {
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

export function staffSections(s: StaffRow | undefined): SubjectDataSection[] {
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
