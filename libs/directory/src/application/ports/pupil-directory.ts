import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { GroupKind } from '../../domain/mis/mis-records';
import type { CharacteristicKind, Enrolment } from '../../domain/people';

export interface PupilFilter {
  /** Matches the start of a preferred or legal forename or surname, or a UPN. */
  readonly search?: string;
  readonly ncYear?: number;
  readonly registrationGroup?: string;
  readonly enrolment?: Enrolment;
}

export interface PupilSummary {
  readonly id: string;
  readonly preferredForename: string;
  readonly preferredSurname: string;
  readonly yearGroup: string | null;
  readonly ncYear: number | null;
  readonly registrationGroup: string | null;
  readonly enrolment: Enrolment;
  readonly leaveDate: string | null;
  /** Retention anonymised them (two academic years after leaving); the name is now "Anonymised pupil". */
  readonly anonymised: boolean;
}

export interface PupilDetail extends PupilSummary {
  readonly misId: string;
  readonly upn: string | null;
  readonly legalForename: string;
  readonly legalSurname: string;
  readonly dateOfBirth: string | null;
  /** Their own school email address, if the MIS has one. */
  readonly email: string | null;
  readonly groups: ReadonlyArray<{ readonly id: string; readonly name: string; readonly kind: string }>;
  readonly characteristics: ReadonlyArray<{
    readonly kind: CharacteristicKind;
    readonly value: string;
    readonly effectiveFrom: string;
    readonly effectiveTo: string | null;
  }>;
  readonly contacts: ReadonlyArray<{
    readonly id: string;
    readonly title: string | null;
    readonly forename: string;
    readonly surname: string;
    readonly relationship: string;
    readonly parentalResponsibility: boolean;
    readonly priority: number;
    readonly livesWithPupil: boolean;
    readonly emails: readonly string[];
    readonly mobiles: readonly string[];
    readonly usesParentApp: boolean;
  }>;
}

export interface ContactDetail {
  readonly id: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly emails: readonly string[];
  readonly mobiles: readonly string[];
  readonly usesParentApp: boolean;
  /** Invited to the parent app (linked to a Rowan account). */
  readonly invited: boolean;
  readonly children: ReadonlyArray<
    PupilSummary & {
      readonly relationship: string;
      readonly parentalResponsibility: boolean;
      readonly priority: number;
      readonly livesWithPupil: boolean;
    }
  >;
}

export interface StaffSummary {
  readonly id: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
}

export interface GroupFilter {
  readonly kind?: GroupKind;
  /** Matches any part of the group's name or code ("Set 1" finds "Maths Set 1"). */
  readonly search?: string;
}

/** A class or group of the school (active in the MIS), with how many pupils on roll are in it. */
export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: GroupKind;
  readonly code: string | null;
  readonly members: number;
}

/** Read side of the directory for staff pages and the API. */
export abstract class PupilDirectory {
  abstract list(schoolId: SchoolId, filter: PupilFilter, page: PageRequest): Promise<Page<PupilSummary>>;
  abstract detail(schoolId: SchoolId, pupilId: string): Promise<PupilDetail | null>;
  abstract contactDetail(schoolId: SchoolId, contactId: string): Promise<ContactDetail | null>;
  /** Current staff from the MIS, by surname; `search` matches the start of a name or email. */
  abstract listStaff(
    schoolId: SchoolId,
    search: string | undefined,
    page: PageRequest,
  ): Promise<Page<StaffSummary>>;
  /** Active groups by kind, then name; the cursor is the last (kind, name, id). */
  abstract listGroups(
    schoolId: SchoolId,
    filter: GroupFilter,
    page: PageRequest,
  ): Promise<Page<GroupSummary>>;
  abstract countsBySchool(
    schoolIds: readonly SchoolId[],
  ): Promise<Map<string, { pupilsOnRoll: number; leavers: number; contacts: number; staff: number }>>;
}
