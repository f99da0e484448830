import { EntitySchema } from '@mikro-orm/core';
import {
  Contact,
  Group,
  GroupMember,
  Pupil,
  PupilCharacteristic,
  PupilContact,
  StaffMember,
} from '@rowan/directory';

const id = { type: 'string', primary: true, length: 36 } as const;
const schoolId = { type: 'string', length: 36 } as const;
const misId = { type: 'string', length: 64 } as const;
const name = { type: 'string', length: 100 } as const;
const stamp = { type: 'datetime', length: 3 } as const;
const fingerprint = { type: 'string', length: 27 } as const;

export const PupilSchema = new EntitySchema<Pupil>({
  class: Pupil,
  tableName: 'pupils',
  uniques: [{ name: 'pupils_school_mis_unique', properties: ['schoolId', 'misId'] }],
  indexes: [
    { properties: ['schoolId', 'enrolment', 'preferredSurname'] },
    { properties: ['schoolId', 'ncYear'] },
  ],
  properties: {
    id,
    schoolId,
    misId,
    upn: { type: 'string', length: 13, nullable: true },
    legalForename: name,
    legalSurname: name,
    preferredForename: name,
    preferredSurname: name,
    dateOfBirth: { type: 'date', nullable: true },
    ncYear: { type: 'smallint', nullable: true },
    yearGroup: { type: 'string', length: 40, nullable: true },
    registrationGroup: { type: 'string', length: 40, nullable: true },
    email: { type: 'string', length: 254, nullable: true },
    enrolment: { type: 'string', length: 10 },
    leaveDate: { type: 'date', nullable: true },
    fingerprint,
    createdAt: stamp,
    updatedAt: stamp,
    anonymisedAt: { ...stamp, nullable: true },
  },
});

export const ContactSchema = new EntitySchema<Contact>({
  class: Contact,
  tableName: 'contacts',
  uniques: [{ name: 'contacts_school_mis_unique', properties: ['schoolId', 'misId'] }],
  indexes: [{ properties: ['schoolId', 'surname'] }, { properties: ['userId'] }],
  properties: {
    id,
    schoolId,
    misId,
    title: { type: 'string', length: 20, nullable: true },
    forename: name,
    surname: name,
    emails: { type: 'json' },
    mobiles: { type: 'json' },
    userId: { type: 'string', length: 36, nullable: true },
    active: { type: 'boolean', default: true },
    fingerprint,
    createdAt: stamp,
    updatedAt: stamp,
    anonymisedAt: { ...stamp, nullable: true },
  },
});

export const PupilContactSchema = new EntitySchema<PupilContact>({
  class: PupilContact,
  tableName: 'pupil_contacts',
  indexes: [{ properties: ['contactId'] }, { properties: ['schoolId'] }],
  properties: {
    schoolId,
    pupilId: { type: 'string', length: 36, primary: true },
    contactId: { type: 'string', length: 36, primary: true },
    relationship: { type: 'string', length: 40 },
    parentalResponsibility: { type: 'boolean' },
    priority: { type: 'smallint' },
    livesWithPupil: { type: 'boolean' },
  },
});

export const StaffMemberSchema = new EntitySchema<StaffMember>({
  class: StaffMember,
  tableName: 'staff_members',
  uniques: [{ name: 'staff_members_school_mis_unique', properties: ['schoolId', 'misId'] }],
  properties: {
    id,
    schoolId,
    misId,
    title: { type: 'string', length: 20, nullable: true },
    forename: name,
    surname: name,
    jobTitle: { type: 'string', length: 100, nullable: true },
    email: { type: 'string', length: 320, nullable: true },
    active: { type: 'boolean', default: true },
    fingerprint,
    createdAt: stamp,
    updatedAt: stamp,
  },
});

export const GroupSchema = new EntitySchema<Group>({
  class: Group,
  tableName: 'pupil_groups',
  uniques: [{ name: 'pupil_groups_school_mis_unique', properties: ['schoolId', 'misId'] }],
  properties: {
    id,
    schoolId,
    misId,
    kind: { type: 'string', length: 20 },
    name: { type: 'string', length: 120 },
    code: { type: 'string', length: 40, nullable: true },
    active: { type: 'boolean', default: true },
    fingerprint,
    createdAt: stamp,
    updatedAt: stamp,
  },
});

export const GroupMemberSchema = new EntitySchema<GroupMember>({
  class: GroupMember,
  tableName: 'group_members',
  indexes: [{ properties: ['pupilId'] }, { properties: ['schoolId'] }],
  properties: {
    schoolId,
    groupId: { type: 'string', length: 36, primary: true },
    pupilId: { type: 'string', length: 36, primary: true },
  },
});

export const PupilCharacteristicSchema = new EntitySchema<PupilCharacteristic>({
  class: PupilCharacteristic,
  tableName: 'pupil_characteristics',
  indexes: [
    { properties: ['pupilId', 'kind', 'effectiveTo'] },
    { properties: ['schoolId', 'kind', 'effectiveTo'] },
  ],
  properties: {
    id,
    schoolId,
    pupilId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 20 },
    value: { type: 'string', length: 20 },
    effectiveFrom: { type: 'date' },
    effectiveTo: { type: 'date', nullable: true },
  },
});
