import { NotFound } from '@rowan/kernel';

/**
 * Subject access (UK GDPR Art. 15): everything Rowan holds about one person, gathered from every context that
 * holds personal data, for the school (the data controller) to give them.
 */
export const SUBJECT_KINDS = ['pupil', 'contact', 'staff'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Who the request is about: a pupil, a contact (a parent or carer) or a member of staff, by directory id. */
export interface SubjectRef {
  readonly kind: SubjectKind;
  readonly id: string;
}

/** The subject as the directory knows them, with what links them to records held elsewhere. */
export interface DataSubject extends SubjectRef {
  readonly name: string;
  /** Their Rowan account, when the directory links one (a contact's parent account); null otherwise. */
  readonly userId: string | null;
  /** Addresses the school holds for them (a member of staff's Rowan account is found by email). */
  readonly emails: readonly string[];
  /**
   * People linked to the subject who hold a Rowan account (a pupil's contacts), by user id: used to name who
   * answered a consent form or made a booking rather than showing an id.
   */
  readonly knownUsers: Readonly<Record<string, string>>;
}

/** Where a section comes from, in the order the export lists them. */
export const DATA_CATEGORIES = ['Directory', 'Events', 'Payments', 'Communications', 'Access'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** How a column's values read: dates are `YYYY-MM-DD`, times ISO 8601 (UTC), money integer pence. */
export const COLUMN_TYPES = ['text', 'number', 'boolean', 'date', 'datetime', 'pence'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface SectionColumn {
  readonly key: string;
  readonly label: string;
  readonly type: ColumnType;
}

export type CellValue = string | number | boolean | null;
export type SectionRow = Readonly<Record<string, CellValue>>;

/** One table of what a context holds about the subject: what it is, why it is held and where it comes from. */
export interface SubjectDataSection {
  /** Stable and unique in an export, e.g. `directory.characteristics`. */
  readonly key: string;
  readonly category: DataCategory;
  readonly title: string;
  /** Purpose and source, in a sentence or two ("From the school's MIS, synced daily"). */
  readonly description: string;
  readonly columns: readonly SectionColumn[];
  readonly rows: readonly SectionRow[];
}

export interface SubjectAccessReport {
  readonly subject: { readonly kind: SubjectKind; readonly id: string; readonly name: string };
  readonly school: { readonly id: string; readonly name: string };
  readonly generatedAt: Date;
  readonly sections: readonly SubjectDataSection[];
}

export const SUBJECT_LABELS: Readonly<Record<SubjectKind, string>> = {
  pupil: 'Pupil',
  contact: 'Contact',
  staff: 'Member of staff',
};

/** A subject not in this school's directory (or in another school's): 404, like any object not theirs. */
export const SubjectNotFound = (kind: SubjectKind) =>
  new NotFound(SUBJECT_LABELS[kind], 'COMPLIANCE.SUBJECT_NOT_FOUND');

/** Sections in category order, keeping each source's own order within a category. */
export function orderSections(sections: readonly SubjectDataSection[]): SubjectDataSection[] {
  const rank = (s: SubjectDataSection) => DATA_CATEGORIES.indexOf(s.category);
  return sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => rank(a.section) - rank(b.section) || a.index - b.index)
    .map(({ section }) => section);
}
