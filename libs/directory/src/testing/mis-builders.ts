import type { IdGenerator } from '@rowan/kernel';
import type {
  MisCharacteristics,
  MisContact,
  MisContactLink,
  MisGroup,
  MisPupil,
  MisStaffMember,
} from '../domain/mis/mis-records';

/** A Wonde-style MIS id, unique per call: `S…` pupils, `C…` contacts, `G…` groups, `E…` staff. */
export function aMisId(ids: IdGenerator, prefix: 'S' | 'C' | 'G' | 'E'): string {
  return `${prefix}${ids.next().replace(/-/g, '')}`;
}

export const NO_CHARACTERISTICS: MisCharacteristics = {
  pupilPremium: false,
  freeSchoolMeals: false,
  sen: 'none',
  eal: false,
};

export function aMisContact(ids: IdGenerator, overrides: Partial<MisContact> = {}): MisContact {
  return {
    misId: aMisId(ids, 'C'),
    title: 'Ms',
    forename: 'Jordan',
    surname: 'Taylor',
    emails: ['jordan.taylor@example.com'],
    mobiles: ['+447700900123'],
    ...overrides,
  };
}

/** How a pupil is linked to a contact: a parent with parental responsibility, first to call, unless told. */
export function aContactLink(
  contact: MisContact,
  overrides: Partial<Omit<MisContactLink, 'contact'>> = {},
): MisContactLink {
  return {
    contact,
    relationship: 'Parent',
    parentalResponsibility: true,
    priority: 1,
    livesWithPupil: true,
    ...overrides,
  };
}

/** A pupil on roll in Year 5, with no contacts, groups or characteristics unless told. */
export function aMisPupil(ids: IdGenerator, overrides: Partial<MisPupil> = {}): MisPupil {
  return {
    misId: aMisId(ids, 'S'),
    upn: null,
    legalForename: 'Sam',
    legalSurname: 'Taylor',
    preferredForename: 'Sam',
    preferredSurname: 'Taylor',
    dateOfBirth: '2016-05-14',
    ncYear: 5,
    yearGroup: 'Year 5',
    registrationGroup: '5B',
    email: null,
    groupMisIds: [],
    characteristics: NO_CHARACTERISTICS,
    contacts: [],
    leaveDate: null,
    ...overrides,
  };
}

export function aMisGroup(ids: IdGenerator, overrides: Partial<MisGroup> = {}): MisGroup {
  return { misId: aMisId(ids, 'G'), kind: 'registration', name: '5B', code: '5B', ...overrides };
}

export function aMisStaffMember(ids: IdGenerator, overrides: Partial<MisStaffMember> = {}): MisStaffMember {
  return {
    misId: aMisId(ids, 'E'),
    title: 'Mrs',
    forename: 'Priya',
    surname: 'Patel',
    jobTitle: 'Class Teacher',
    email: 'p.patel@oak-primary.sch.uk',
    ...overrides,
  };
}

/**
 * Olivia (Year 5, class 5B) and Harry (Year 2, class 2H) Bennett, who share both their parents: Sarah (first to
 * call) and James. Their year groups and classes come with them.
 */
export interface MisFamily {
  readonly mother: MisContact;
  readonly father: MisContact;
  readonly olivia: MisPupil;
  readonly harry: MisPupil;
  readonly groups: {
    readonly year5: MisGroup;
    readonly class5B: MisGroup;
    readonly year2: MisGroup;
    readonly class2H: MisGroup;
  };
}

export function aFamily(ids: IdGenerator): MisFamily {
  const mother = aMisContact(ids, {
    title: 'Mrs',
    forename: 'Sarah',
    surname: 'Bennett',
    emails: ['sarah.bennett@example.com'],
    mobiles: ['+447700900111'],
  });
  const father = aMisContact(ids, {
    title: 'Mr',
    forename: 'James',
    surname: 'Bennett',
    emails: ['james.bennett@example.com'],
    mobiles: ['+447700900222'],
  });
  const groups = {
    year5: aMisGroup(ids, { kind: 'year', name: 'Year 5', code: 'Y5' }),
    class5B: aMisGroup(ids, { kind: 'registration', name: '5B', code: '5B' }),
    year2: aMisGroup(ids, { kind: 'year', name: 'Year 2', code: 'Y2' }),
    class2H: aMisGroup(ids, { kind: 'registration', name: '2H', code: '2H' }),
  };
  const parents = [
    aContactLink(mother, { relationship: 'Mother', priority: 1 }),
    aContactLink(father, { relationship: 'Father', priority: 2 }),
  ];
  const olivia = aMisPupil(ids, {
    upn: 'A123456789012',
    legalForename: 'Olivia',
    legalSurname: 'Bennett',
    preferredForename: 'Olivia',
    preferredSurname: 'Bennett',
    dateOfBirth: '2016-03-02',
    ncYear: 5,
    yearGroup: 'Year 5',
    registrationGroup: '5B',
    groupMisIds: [groups.year5.misId, groups.class5B.misId],
    contacts: parents,
  });
  const harry = aMisPupil(ids, {
    upn: 'A123456789013',
    legalForename: 'Harrison',
    legalSurname: 'Bennett',
    preferredForename: 'Harry',
    preferredSurname: 'Bennett',
    dateOfBirth: '2019-09-17',
    ncYear: 2,
    yearGroup: 'Year 2',
    registrationGroup: '2H',
    groupMisIds: [groups.year2.misId, groups.class2H.misId],
    contacts: parents,
  });
  return { mother, father, olivia, harry, groups };
}
