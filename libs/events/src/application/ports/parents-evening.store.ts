import type { SchoolId, UserId } from '@rowan/kernel';
import type { Need } from '../../domain/book-for-me';
import type { EveningSetup, SlotTime } from '../../domain/parents-evening';

export type AppointmentState = 'held' | 'confirmed';

export interface EveningSlot extends SlotTime {
  readonly id: string;
}

export interface AppointmentRecord {
  readonly id: string;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly slotId: string;
  readonly staffId: string;
  readonly pupilId: string;
  readonly parentUserId: UserId;
  /** '' for one booking per child and teacher for the family; the parent's id where separated parents book apart. */
  readonly familyKey: string;
  readonly state: AppointmentState;
  readonly holdExpiresAt: Date | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly createdAt: Date;
}

export interface SlotGridRow extends EveningSlot {
  readonly appointment: { readonly pupilId: string; readonly state: AppointmentState } | null;
}

export interface AppointmentRow {
  readonly id: string;
  readonly staffId: string;
  readonly teacherName: string;
  readonly pupilId: string;
  readonly pupilName: string;
  readonly state: AppointmentState;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface TeacherName {
  readonly staffId: string;
  readonly name: string;
}

/**
 * Parents' evenings: setup, slots and appointments. "One appointment per slot" and "one per child, teacher and
 * family" are unique keys; a parent's own appointments are serialised by `lockParent`, in the caller's transaction.
 */
export abstract class ParentsEveningStore {
  abstract create(
    schoolId: SchoolId,
    eventId: string,
    setup: EveningSetup,
    slots: readonly EveningSlot[],
  ): Promise<void>;
  abstract setup(eventId: string): Promise<EveningSetup | null>;
  /** The school's active staff among these ids. */
  abstract knownStaff(schoolId: SchoolId, staffIds: readonly string[]): Promise<TeacherName[]>;
  abstract teachers(eventId: string): Promise<TeacherName[]>;
  /** Which evening teachers each of these pupils sees (by the classes staff gave each teacher). */
  abstract needsOf(eventId: string, pupilIds: readonly string[]): Promise<Need[]>;
  abstract grid(eventId: string): Promise<SlotGridRow[]>;
  abstract freeSlots(eventId: string): Promise<EveningSlot[]>;
  /** Holds past their expiry give their slot back. */
  abstract releaseExpired(eventId: string, now: Date): Promise<void>;
  /** One hold, if it is still a hold and has expired by `now`: its slot is free again. Answers whether it was. */
  abstract releaseHold(appointmentId: string, now: Date): Promise<boolean>;
  abstract appointment(eventId: string, appointmentId: string): Promise<AppointmentRecord | null>;
  /** Every appointment of these pupils at the evening, whoever booked it. */
  abstract ofPupils(eventId: string, pupilIds: readonly string[]): Promise<AppointmentRecord[]>;
  /** Removes the appointment if it is still in this state, freeing its slot; answers whether it was. */
  abstract remove(appointmentId: string, state: AppointmentState): Promise<boolean>;
  /** Locks the parent's place on the evening until the transaction ends; answers their appointments. */
  abstract lockParent(eventId: string, userId: UserId): Promise<AppointmentRecord[]>;
  abstract slot(eventId: string, slotId: string): Promise<EveningSlot | null>;
  /** Inserts them all; a slot taken meanwhile or a teacher already seen fails the lot with a conflict. */
  abstract insert(appointments: readonly AppointmentRecord[]): Promise<void>;
  /** The parent's live holds become bookings; answers how many. */
  abstract confirmHolds(eventId: string, userId: UserId, now: Date): Promise<number>;
  abstract mine(eventId: string, userId: UserId): Promise<AppointmentRecord[]>;
  abstract appointments(
    schoolId: SchoolId,
    eventId: string,
    staffId: string | null,
  ): Promise<AppointmentRow[]>;
}
