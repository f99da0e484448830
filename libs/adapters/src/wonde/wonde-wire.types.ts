/**
 * Wonde's wire format (api.wonde.com/v1.0) as Rowan reads it: the Wonde adapter parses these and the sandbox
 * stand-in (apps/sandbox/src/wonde) serves them. Plain types only.
 *
 * Sources: docs.wonde.com (School Data Sync), the types of Wonde's OpenAPI-generated Python client, Wonde's
 * PHP/.NET clients and a recorded response from Wonde's test school. Every object has more fields than
 * listed; only what Rowan reads (plus a few for realism) is here. Wonde leaves a field `null` when the
 * token lacks the scope for it, so read every value defensively. "Unverified" marks guesses.
 */

/** A PHP DateTime as JSON. Timestamps (`created_at`, `updated_at`, `deleted_at`) come in UTC; dates of
 * birth in `Europe/London` with a zero time. */
export interface WondeDate {
  /** `YYYY-MM-DD HH:MM:SS.000000`, in `timezone`. */
  readonly date: string;
  readonly timezone_type: number;
  readonly timezone: string;
}

export interface WondePagination {
  /** An absolute URL, or null on the last page. */
  readonly next: string | null;
  readonly previous: string | null;
  readonly more: boolean;
  /** Wonde's docs show the echoed query value (a string) in one example: accept both. */
  readonly per_page: number | string;
  readonly current_page: number;
}

/**
 * One page of a list endpoint. Wonde's docs: without `per_page`, a result of 50 rows or fewer comes with no
 * pagination object (the stand-in does the same), so treat a missing `meta.pagination` as the last page.
 */
export interface WondePage<T> {
  readonly data: T[];
  readonly meta?: { readonly pagination?: WondePagination };
}

/** An included relation: `include=contacts` adds `contacts: { data: [...] }`. */
export interface Included<T> {
  readonly data: T;
}

/** Known group types (Wonde's model). Clubs and other ad-hoc groups usually arrive as MISC or USER. */
export type WondeGroupType =
  | 'REGISTRATION'
  | 'YEAR'
  | 'HOUSE'
  | 'BOARDING'
  | 'COURSE'
  | 'MISC'
  | 'USER'
  | 'CAMPUS'
  | 'DIVISION'
  | 'DEPARTMENT';

export interface WondeAddress {
  readonly house_number: string | null;
  readonly house_name: string | null;
  readonly apartment: string | null;
  readonly street: string | null;
  readonly district: string | null;
  readonly town: string | null;
  readonly county: string | null;
  readonly country: string | null;
  readonly postcode: string | null;
}

/** `contact_details.data` of a contact, employee or student. `email`/`phone` are the MIS's main values. */
export interface WondeContactDetails {
  readonly emails: {
    readonly email: string | null;
    readonly primary: string | null;
    readonly home: string | null;
    readonly work: string | null;
  };
  readonly phones: {
    readonly phone: string | null;
    readonly primary: string | null;
    readonly home: string | null;
    readonly work: string | null;
    readonly mobile: string | null;
  };
  readonly addresses?: { readonly home?: WondeAddress | null; readonly work?: WondeAddress | null };
}

/**
 * `extended_details.data` of a student. Value types vary by MIS: the flags are booleans from most, but some
 * send codes or strings ('Y'/'N', 'T'/'F', '1'/'0'); EAL in particular may be a boolean, a code or a
 * description. `sen_status` is the DfE code: 'N' none, 'K' SEN support, 'E' EHC plan (older data: 'S', 'A',
 * 'P'). Map defensively.
 */
export interface WondeExtendedDetails {
  readonly sen_status: string | null;
  readonly premium_pupil_indicator: boolean | string | null;
  readonly free_school_meals: boolean | string | null;
  readonly free_school_meals_6: boolean | string | null;
  readonly english_as_additional_language: boolean | string | null;
  readonly first_language?: string | null;
  readonly ethnicity?: string | null;
  readonly in_lea_care?: boolean | string | null;
  readonly ever_in_care?: boolean | string | null;
  readonly service_children_indicator?: boolean | string | null;
}

/** `education_details.data` of a student. The UPN lives here, not on the student itself. */
export interface WondeEducationDetails {
  readonly admission_number: string | null;
  readonly upn: string | null;
  readonly former_upn: string | null;
  /** 'R' for Reception, then '1' to '13'; nursery as 'N1'/'N2'. A string, even for numbers. */
  readonly current_nc_year: string | null;
  readonly admission_date: WondeDate | null;
  /** Set for leavers (and for pupils with a known future leaving date). */
  readonly leaving_date: WondeDate | null;
}

/** The student's year (`include=year`): a YEAR group; `code` is the NC year ('R', '7'). */
export interface WondeYear {
  readonly id: string;
  readonly mis_id: string | null;
  readonly code: string | null;
  readonly name: string;
  readonly description?: string | null;
  readonly type?: string;
}

/** How a contact relates to one student (only present when the contact is included through a student). */
export interface WondeRelationship {
  /** Free text from the MIS: 'Mother', 'Father', 'Step Father', 'Grandmother', 'Carer', 'Other Family Member'… */
  readonly relationship: string | null;
  readonly parental_responsibility: boolean | null;
  /** 1 is contacted first; null when the MIS has no order. */
  readonly priority: number | null;
  readonly lives_with_pupil: boolean | null;
  readonly bill_payer?: boolean | null;
  readonly correspondence?: boolean | null;
  readonly pupil_report?: boolean | null;
  readonly court_order?: boolean | null;
  readonly email_bills?: boolean | null;
  readonly copy_bills?: boolean | null;
}

export interface WondeContact {
  readonly id: string;
  /** Hash of the MIS id and school: stable when the Wonde id changes (re-enrolment). */
  readonly upi?: string;
  readonly mis_id: string | null;
  readonly title: string | null;
  readonly initials?: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly middle_names: string | null;
  readonly gender?: string | null;
  readonly created_at: WondeDate;
  readonly updated_at: WondeDate;
  readonly restored_at?: WondeDate | null;
  /** Present when included through a student (`students?include=contacts`). */
  readonly relationship?: WondeRelationship;
  readonly contact_details?: Included<WondeContactDetails>;
  /** `contacts?include=students`. */
  readonly students?: Included<WondeStudent[]>;
}

export interface WondeStudent {
  readonly id: string;
  readonly upi?: string;
  readonly mis_id: string | null;
  /**
   * Not part of Wonde's documented student object (the UPN is `education_details.data.upn`); kept optional
   * for older payloads. The stand-in does not send it.
   */
  readonly upn?: string | null;
  readonly initials?: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly middle_names: string | null;
  readonly legal_forename: string | null;
  readonly legal_surname: string | null;
  /** 'MALE' or 'FEMALE' (Wonde's docs); some MIS send other values. */
  readonly gender: string | null;
  readonly date_of_birth: WondeDate | null;
  readonly created_at: WondeDate;
  readonly updated_at: WondeDate;
  readonly restored_at?: WondeDate | null;
  readonly extended_details?: Included<WondeExtendedDetails>;
  readonly education_details?: Included<WondeEducationDetails>;
  readonly year?: Included<WondeYear | null>;
  readonly registration?: Included<WondeGroup | null>;
  readonly house?: Included<WondeGroup | null>;
  readonly classes?: Included<WondeClass[]>;
  readonly groups?: Included<WondeGroup[]>;
  readonly contacts?: Included<WondeContact[]>;
  readonly contact_details?: Included<WondeContactDetails>;
}

/** `employment_details.data`. Wonde's model has `role_text`, not a job title (`job_title` is unverified). */
export interface WondeEmploymentDetails {
  readonly current: boolean | null;
  readonly teaching_staff?: boolean | null;
  readonly role_text?: string | null;
  readonly job_title?: string | null;
  readonly employment_start_date?: WondeDate | null;
  readonly employment_end_date?: WondeDate | null;
}

export interface WondeEmployee {
  readonly id: string;
  readonly upi?: string;
  readonly mis_id: string | null;
  readonly title: string | null;
  readonly initials?: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly middle_names?: string | null;
  readonly legal_forename?: string | null;
  readonly legal_surname?: string | null;
  readonly gender?: string | null;
  readonly created_at: WondeDate;
  readonly updated_at: WondeDate;
  readonly restored_at?: WondeDate | null;
  readonly employment_details?: Included<WondeEmploymentDetails>;
  readonly contact_details?: Included<WondeContactDetails>;
  readonly classes?: Included<WondeClass[]>;
  readonly groups?: Included<WondeGroup[]>;
}

export interface WondeGroup {
  readonly id: string;
  readonly mis_id: string | null;
  readonly name: string;
  readonly code: string | null;
  readonly type: WondeGroupType | (string & {});
  readonly description: string | null;
  readonly created_at: WondeDate;
  readonly updated_at: WondeDate;
  readonly restored_at?: WondeDate | null;
  readonly students?: Included<WondeStudent[]>;
  readonly employees?: Included<WondeEmployee[]>;
}

export interface WondeSubject {
  readonly id: string;
  readonly mis_id: string | null;
  readonly code: string | null;
  readonly name: string;
}

export interface WondeClass {
  readonly id: string;
  readonly mis_id: string | null;
  readonly name: string;
  readonly code: string | null;
  readonly description: string | null;
  /** The subject's Wonde id, or `{ data: WondeSubject }` with `include=subject`; null for classes without one. */
  readonly subject: string | Included<WondeSubject | null> | null;
  readonly alternative?: boolean;
  readonly created_at: WondeDate;
  readonly updated_at: WondeDate;
  readonly restored_at?: WondeDate | null;
  readonly students?: Included<WondeStudent[]>;
  readonly employees?: Included<WondeEmployee[]>;
}

/**
 * `deletions`: one row per deleted top-level record. `type` is singular: 'student', 'contact', 'employee',
 * 'group', 'class' (also 'student_pre_admission' and others Rowan ignores). A row with `restored_at` is not
 * a deletion any more: the record came back with the same MIS id.
 */
export interface WondeDeletion {
  readonly id: string;
  readonly type: string;
  readonly mis_id: string | null;
  readonly deleted_at: WondeDate | null;
  readonly restored_at: WondeDate | null;
}

/** `counts?include=students,contacts,…`: one block per included type. */
export interface WondeCounts {
  readonly data: Partial<
    Record<'students' | 'contacts' | 'employees' | 'groups' | 'classes', Included<{ readonly count: number }>>
  >;
}

/** Error bodies. Wonde's exact wording is unverified; go by the status code. */
export interface WondeError {
  readonly error: string;
  readonly error_description?: string;
}
