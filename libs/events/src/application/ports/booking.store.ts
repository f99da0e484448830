import type { Page, PageRequest, SchoolId, UserId } from '@rowan/kernel';
import type { BookingState } from '../../domain/booking';

export interface BookingRecord {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly pupilId: string;
  readonly state: BookingState;
  /** Counts against the open places (not a reserved one). */
  readonly open: boolean;
  readonly bookedBy: UserId;
  readonly offerExpiresAt: Date | null;
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
  readonly createdAt: Date;
}

export interface ParticipantRow {
  readonly bookingId: string;
  readonly pupilId: string;
  readonly forename: string;
  readonly surname: string;
  readonly state: BookingState;
  readonly createdAt: Date;
}

export interface InvitationRow {
  readonly eventId: string;
  readonly pupilId: string;
  readonly mayTakeReserved: boolean;
}

/** An invited pupil and their live booking: none when they have not booked, or cancelled. */
export interface InviteeRow {
  readonly pupilId: string;
  readonly booking: { readonly id: string; readonly state: Exclude<BookingState, 'cancelled'> } | null;
}

/**
 * Invitations and bookings. Capacity and "one active booking per pupil" are the database's to keep: the
 * methods that take or free a place are single conditional statements, run in the caller's transaction.
 */
export abstract class BookingStore {
  abstract addInvitations(
    schoolId: SchoolId,
    eventId: string,
    pupils: readonly { readonly pupilId: string; readonly mayTakeReserved: boolean }[],
    at: Date,
  ): Promise<void>;
  abstract invitation(eventId: string, pupilId: string): Promise<InvitationRow | null>;
  abstract invitationsOf(pupilIds: readonly string[]): Promise<InvitationRow[]>;
  /** Every pupil the school's event invited, with their live booking. */
  abstract invitees(schoolId: SchoolId, eventId: string): Promise<InviteeRow[]>;
  /** Takes one place if one is free to this pupil (`open`: not a reserved one); true if it did. */
  abstract takePlace(eventId: string, open: boolean): Promise<boolean>;
  abstract freePlace(eventId: string, open: boolean): Promise<void>;
  /** Inserts the booking; fails with a conflict when the pupil already has an active booking. */
  abstract insert(booking: BookingRecord): Promise<void>;
  abstract findById(id: string): Promise<BookingRecord | null>;
  abstract findByIdempotencyKey(userId: UserId, key: string): Promise<BookingRecord | null>;
  abstract activeFor(eventId: string, pupilIds: readonly string[]): Promise<BookingRecord[]>;
  /** Moves a booking at once, only if it is still in `from`; true if it moved. */
  abstract move(
    id: string,
    from: BookingState,
    to: BookingState,
    at: Date,
    offerExpiresAt?: Date | null,
  ): Promise<boolean>;
  /**
   * The event is called off: every confirmed, offered and waitlisted booking is cancelled and its places freed,
   * and a parents' evening's held and booked slots let go, in the caller's transaction. Answers the pupils whose
   * bookings or appointments were cancelled.
   */
  abstract cancelAll(eventId: string, at: Date): Promise<string[]>;
  /** The waiting list in order (oldest first). */
  abstract waiting(eventId: string, limit: number): Promise<BookingRecord[]>;
  /** 1 for the first on the waiting list. */
  abstract position(booking: BookingRecord): Promise<number>;
  abstract participants(
    schoolId: SchoolId,
    eventId: string,
    page: PageRequest,
  ): Promise<Page<ParticipantRow>>;
}
