import type { SchoolId } from '@rowan/kernel';
import type { GroupKind, SenStatus } from './mis/mis-records';

export type Enrolment = 'on_roll' | 'left';

/** A pupil as Rowan holds them. The MIS is the source of truth; Rowan never edits these by hand. */
export class Pupil {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    public misId: string,
    public upn: string | null,
    public legalForename: string,
    public legalSurname: string,
    public preferredForename: string,
    public preferredSurname: string,
    public dateOfBirth: string | null,
    public ncYear: number | null,
    public yearGroup: string | null,
    public registrationGroup: string | null,
    public enrolment: Enrolment,
    public leaveDate: string | null,
    public fingerprint: string,
    readonly createdAt: Date,
    public updatedAt: Date,
    /** Their own (school) email address from the MIS, if any: how a message to pupils reaches them. */
    public email: string | null = null,
    /** Set when retention anonymised them, two academic years after they left: the row stays, without a name. */
    public anonymisedAt: Date | null = null,
  ) {}
}

/**
 * A parent or other contact, from the MIS. Whether they use the parent app is Rowan's own knowledge, not the
 * MIS's: it is read from their parent membership (active once they have signed in through their invitation).
 */
export class Contact {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    public misId: string,
    public title: string | null,
    public forename: string,
    public surname: string,
    public emails: string[],
    public mobiles: string[],
    public active: boolean,
    public fingerprint: string,
    readonly createdAt: Date,
    public updatedAt: Date,
    /** The Rowan user this contact signs in as, once invited to the parent app. */
    public userId: string | null = null,
    /** Set when retention anonymised them (every child of theirs had left and was due). */
    public anonymisedAt: Date | null = null,
  ) {}
}

export class PupilContact {
  constructor(
    readonly schoolId: SchoolId,
    readonly pupilId: string,
    readonly contactId: string,
    public relationship: string,
    public parentalResponsibility: boolean,
    public priority: number,
    public livesWithPupil: boolean,
  ) {}
}

export class StaffMember {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    public misId: string,
    public title: string | null,
    public forename: string,
    public surname: string,
    public jobTitle: string | null,
    public email: string | null,
    public active: boolean,
    public fingerprint: string,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}
}

export class Group {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    public misId: string,
    public kind: GroupKind,
    public name: string,
    public code: string | null,
    public active: boolean,
    public fingerprint: string,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}
}

export class GroupMember {
  constructor(
    readonly schoolId: SchoolId,
    readonly groupId: string,
    readonly pupilId: string,
  ) {}
}

export type CharacteristicKind = 'pupil_premium' | 'free_school_meals' | 'sen' | 'eal';

/** A characteristic held over a period: when the MIS changes it, the old period ends and a new one starts. */
export class PupilCharacteristic {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    readonly pupilId: string,
    readonly kind: CharacteristicKind,
    readonly value: SenStatus | 'yes',
    readonly effectiveFrom: string,
    public effectiveTo: string | null,
  ) {}
}
