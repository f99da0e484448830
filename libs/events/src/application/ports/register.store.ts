import type { SchoolId, UserId } from '@rowan/kernel';

export interface RegisterMark {
  readonly bookingId: string;
  readonly present: boolean;
}

/** One confirmed booking on a register, with its mark if one was made. */
export interface RegisterLine {
  readonly bookingId: string;
  readonly pupilId: string;
  readonly forename: string;
  readonly surname: string;
  readonly present: boolean | null;
  readonly markedBy: UserId | null;
  readonly markedAt: Date | null;
}

/** Marks taken for one register (`sessionAt` a club's session, or the trip's start). */
export interface SessionTally {
  readonly sessionAt: Date;
  readonly present: number;
  readonly absent: number;
}

/** Registers: one mark per (confirmed booking, session), changed in place when marked again. */
export abstract class RegisterStore {
  /** The confirmed bookings among these ids (only they can be marked). */
  abstract confirmedAmong(eventId: string, bookingIds: readonly string[]): Promise<string[]>;
  abstract countConfirmed(eventId: string): Promise<number>;
  abstract mark(
    schoolId: SchoolId,
    eventId: string,
    sessionAt: Date,
    marks: readonly RegisterMark[],
    by: UserId,
    at: Date,
  ): Promise<void>;
  abstract register(eventId: string, sessionAt: Date): Promise<RegisterLine[]>;
  /** Marks of confirmed bookings, per register taken. */
  abstract tallies(eventId: string): Promise<SessionTally[]>;
}
