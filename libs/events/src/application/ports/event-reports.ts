import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { BookingState } from '../../domain/booking';
import type { CohortCounts } from '../../domain/take-up';

/** Where an invited pupil stands: their live booking's state, else `cancelled`, else `not_responded`. */
export type ParticipationState = BookingState | 'not_responded';

/** One invited pupil of an event, as the participation report lists them. */
export interface ParticipationRow {
  readonly pupilId: string;
  readonly forename: string;
  readonly surname: string;
  readonly ncYear: number | null;
  readonly yearGroup: string | null;
  readonly registrationGroup: string | null;
  readonly pupilPremium: boolean;
  readonly freeSchoolMeals: boolean;
  readonly sen: boolean;
  readonly bookingId: string | null;
  readonly state: ParticipationState;
  /** Guardians' consents recorded for the booking, and how many of them are fresh (not stale). */
  readonly consents: number;
  readonly freshConsents: number;
  /** Register marks of the booking. */
  readonly sessionsPresent: number;
  readonly sessionsAbsent: number;
}

/** A year group (`ncYear`) or a registration class. */
export type PupilGroup =
  | { readonly kind: 'year'; readonly ncYear: number }
  | { readonly kind: 'class'; readonly registrationGroup: string };

/** UK days as the instants they span: [from, until). */
export interface InstantRange {
  readonly from: Date;
  readonly until: Date;
}

export interface GroupEventRow {
  readonly eventId: string;
  readonly title: string;
  readonly kind: string;
  readonly status: string;
  readonly startsAt: Date;
  /** Pupils of the group invited, booked (a confirmed place) and present at one register or more. */
  readonly invited: number;
  readonly booked: number;
  readonly attended: number;
}

export interface SchoolEventsSummary {
  readonly schoolId: SchoolId;
  /** Published or cancelled trips and clubs starting in the range. */
  readonly events: number;
  readonly cohort: CohortCounts;
}

/**
 * Reporting over invitations, bookings, consent and registers, aggregated where the data lives. Every read is
 * scoped by school explicitly. Trips and clubs only (a parents' evening books appointments, not places).
 */
export abstract class EventReports {
  /** Every invited pupil of the event in name order (surname, forename), cursor paged. */
  abstract participation(
    schoolId: SchoolId,
    eventId: string,
    page: PageRequest,
  ): Promise<Page<ParticipationRow>>;
  /** Each event in the range that invited anyone of the group, by start. */
  abstract groupParticipation(
    schoolId: SchoolId,
    group: PupilGroup,
    range: InstantRange,
  ): Promise<GroupEventRow[]>;
  /** Invited and booked, overall and per characteristic, for one event or for the events in a range. */
  abstract cohort(
    schoolId: SchoolId,
    scope: { readonly eventId: string } | { readonly range: InstantRange },
  ): Promise<CohortCounts>;
  /** The same per school, with the events each ran in the range. */
  abstract schoolSummaries(
    schoolIds: readonly SchoolId[],
    range: InstantRange,
  ): Promise<SchoolEventsSummary[]>;
}
