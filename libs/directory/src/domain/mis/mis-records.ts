/**
 * What Rowan takes from a school's MIS, whatever the route (Wonde or a CSV upload): only what the product uses.
 * Dates are calendar dates, `YYYY-MM-DD`. Source adapters translate their vendor's words into these.
 */
export type SenStatus = 'none' | 'sen_support' | 'ehc_plan';

export interface MisCharacteristics {
  readonly pupilPremium: boolean;
  readonly freeSchoolMeals: boolean;
  readonly sen: SenStatus;
  readonly eal: boolean;
}

export interface MisContact {
  readonly misId: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly emails: readonly string[];
  /** Mobile numbers (E.164 where the MIS gives a UK number), most preferred first. */
  readonly mobiles: readonly string[];
}

export interface MisContactLink {
  readonly contact: MisContact;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  /** 1 is the first contact to try. */
  readonly priority: number;
  readonly livesWithPupil: boolean;
}

export interface MisPupil {
  readonly misId: string;
  readonly upn: string | null;
  readonly legalForename: string;
  readonly legalSurname: string;
  readonly preferredForename: string;
  readonly preferredSurname: string;
  readonly dateOfBirth: string | null;
  /** National curriculum year: 0 is Reception, 7 is Year 7. */
  readonly ncYear: number | null;
  readonly yearGroup: string | null;
  readonly registrationGroup: string | null;
  /** The pupil's own (school) email address, where the MIS has one: secondary pupils mostly, lower-cased. */
  readonly email: string | null;
  readonly groupMisIds: readonly string[];
  readonly characteristics: MisCharacteristics;
  readonly contacts: readonly MisContactLink[];
  /** Set when the MIS records the pupil as having left (or leaving on this date). */
  readonly leaveDate: string | null;
}

export const GROUP_KINDS = ['registration', 'year', 'teaching', 'house', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface MisGroup {
  readonly misId: string;
  readonly kind: GroupKind;
  readonly name: string;
  readonly code: string | null;
}

export interface MisStaffMember {
  readonly misId: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
}
