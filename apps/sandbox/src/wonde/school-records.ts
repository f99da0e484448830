/**
 * The generated school as plain records: what a MIS holds, before any Wonde formatting. Relations are kept
 * both ways (pupil → classes and class → pupils) so either side serialises without a scan. Timestamps are
 * epoch milliseconds (UTC); calendar dates are `YYYY-MM-DD`.
 */
export type Phase = 'primary' | 'secondary';
export type Gender = 'MALE' | 'FEMALE';
export type SenCode = 'N' | 'K' | 'E';
export type PupilStatus = 'on-roll' | 'leaver';

export interface Address {
  readonly houseNumber: string;
  readonly street: string;
  readonly district: string | null;
  readonly town: string;
  readonly county: string | null;
  readonly postcode: string;
}

export interface Characteristics {
  sen: SenCode;
  pupilPremium: boolean;
  freeSchoolMeals: boolean;
  freeSchoolMeals6: boolean;
  eal: boolean;
  firstLanguage: string;
  ethnicity: string;
}

export interface ContactLink {
  readonly contactId: string;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly priority: number;
  readonly livesWithPupil: boolean;
}

export interface PupilRecord {
  readonly id: string;
  readonly misId: string;
  readonly familyId: number;
  upn: string;
  admissionNumber: string;
  forename: string;
  surname: string;
  middleNames: string | null;
  legalForename: string;
  legalSurname: string;
  gender: Gender;
  dateOfBirth: string;
  /** 'R', '1' … '13'. */
  ncYear: string;
  yearGroupId: string;
  registrationGroupId: string;
  houseId: string | null;
  classIds: string[];
  /** Every group the pupil belongs to: year, registration, house and clubs. */
  groupIds: string[];
  contacts: ContactLink[];
  characteristics: Characteristics;
  /** The school email address secondary-age pupils (NC year 7 and up) are given; null for younger ones. */
  email: string | null;
  admissionDate: string;
  leavingDate: string | null;
  status: PupilStatus;
  readonly createdAt: number;
  updatedAt: number;
}

export interface ContactRecord {
  readonly id: string;
  readonly misId: string;
  title: string | null;
  forename: string;
  surname: string;
  middleNames: string | null;
  gender: Gender;
  email: string | null;
  workEmail: string | null;
  mobile: string | null;
  homePhone: string | null;
  workPhone: string | null;
  address: Address;
  pupilIds: string[];
  readonly createdAt: number;
  updatedAt: number;
}

export type StaffRole = 'head' | 'teacher' | 'assistant' | 'office';

export interface EmployeeRecord {
  readonly id: string;
  readonly misId: string;
  title: string;
  forename: string;
  surname: string;
  gender: Gender;
  role: StaffRole;
  roleText: string;
  email: string;
  mobile: string | null;
  workPhone: string;
  classIds: string[];
  groupIds: string[];
  readonly createdAt: number;
  updatedAt: number;
}

export type GroupType = 'YEAR' | 'REGISTRATION' | 'HOUSE' | 'MISC';

export interface GroupRecord {
  readonly id: string;
  readonly misId: string;
  name: string;
  code: string;
  readonly type: GroupType;
  /** For YEAR and REGISTRATION groups: the NC year they hold. */
  readonly ncYear: string | null;
  description: string | null;
  pupilIds: string[];
  employeeIds: string[];
  readonly createdAt: number;
  updatedAt: number;
}

export interface SubjectRecord {
  readonly id: string;
  readonly misId: string;
  readonly code: string;
  readonly name: string;
}

export interface ClassRecord {
  readonly id: string;
  readonly misId: string;
  name: string;
  code: string;
  readonly subjectId: string | null;
  readonly ncYear: string;
  description: string | null;
  pupilIds: string[];
  employeeIds: string[];
  readonly createdAt: number;
  updatedAt: number;
}

export type DeletionType = 'student' | 'contact' | 'employee' | 'group' | 'class';

export interface DeletionRecord {
  readonly id: string;
  readonly type: DeletionType;
  readonly misId: string;
  readonly deletedAt: number;
  restoredAt: number | null;
}

/** Any record a list endpoint returns. */
export type SchoolRecord = PupilRecord | ContactRecord | EmployeeRecord | GroupRecord | ClassRecord;

/** A generated school. Maps keep insertion order, which is the order the API lists records in. */
export interface SchoolData {
  readonly seed: string;
  readonly phase: Phase;
  readonly domain: string;
  readonly pupils: Map<string, PupilRecord>;
  readonly contacts: Map<string, ContactRecord>;
  readonly employees: Map<string, EmployeeRecord>;
  readonly groups: Map<string, GroupRecord>;
  readonly classes: Map<string, ClassRecord>;
  readonly subjects: Map<string, SubjectRecord>;
  readonly deletions: DeletionRecord[];
}
