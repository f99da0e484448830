import type { SchoolId, UserId } from '@rowan/kernel';
import type { ConsentAnswer, ConsentQuestion } from '../../domain/consent';

export interface ConsentFormRecord {
  readonly eventId: string;
  readonly schoolId: SchoolId;
  readonly questions: readonly ConsentQuestion[];
  /** The latest "please consent again" message, tracked like the invitation. */
  readonly reconsentMessageId: string | null;
  readonly updatedAt: Date;
}

/** One guardian's answers for one booking. */
export interface ConsentRecord {
  readonly bookingId: string;
  readonly eventId: string;
  readonly schoolId: SchoolId;
  readonly guardianId: UserId;
  readonly answers: readonly ConsentAnswer[];
  readonly stale: boolean;
  readonly givenAt: Date;
}

/** Consent forms (one per event) and the answers given, per booking and per guardian. */
export abstract class ConsentStore {
  abstract formOf(eventId: string): Promise<ConsentFormRecord | null>;
  abstract formsOf(eventIds: readonly string[]): Promise<ConsentFormRecord[]>;
  abstract saveForm(form: ConsentFormRecord): Promise<void>;
  abstract recordReconsentMessage(eventId: string, messageId: string): Promise<void>;
  /** Writes (or replaces) this guardian's answers for the booking, fresh. */
  abstract give(consent: ConsentRecord): Promise<void>;
  abstract ofBookings(bookingIds: readonly string[]): Promise<ConsentRecord[]>;
  /** Every fresh consent of the event goes stale; answers the pupils of active bookings that had one. */
  abstract markStale(eventId: string, at: Date): Promise<string[]>;
}
