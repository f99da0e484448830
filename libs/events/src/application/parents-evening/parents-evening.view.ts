import type { Need } from '../../domain/book-for-me';
import type { EveningMode, TimeRange } from '../../domain/parents-evening';
import type {
  AppointmentRecord,
  AppointmentState,
  EveningSlot,
  SlotGridRow,
} from '../ports/parents-evening.store';

export interface EveningTeacherView {
  readonly staffId: string;
  readonly name: string;
  readonly groupIds: readonly string[];
  readonly windows: readonly TimeRange[];
  readonly breaks: readonly TimeRange[];
}

/** The staff view of an evening: settings, teachers and the slot grid. */
export interface ParentsEveningView {
  readonly eventId: string;
  readonly title: string;
  readonly status: string;
  readonly slotMinutes: number;
  readonly mode: EveningMode;
  readonly videoLink: string | null;
  readonly separateBookings: boolean;
  readonly teachers: readonly EveningTeacherView[];
  readonly slots: readonly SlotGridRow[];
}

export interface AppointmentView {
  readonly id: string;
  readonly slotId: string;
  readonly staffId: string;
  readonly pupilId: string;
  /** `cancelled` only in the answer to a cancellation: a cancelled appointment is gone and its slot free. */
  readonly state: AppointmentState | 'cancelled';
  readonly holdExpiresAt: Date | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const toAppointmentView = (a: AppointmentRecord): AppointmentView => ({
  id: a.id,
  slotId: a.slotId,
  staffId: a.staffId,
  pupilId: a.pupilId,
  state: a.state,
  holdExpiresAt: a.holdExpiresAt,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
});

/** A parent's view: each invited child with their teachers and the free slots, and what the parent holds. */
export interface MyParentsEveningView {
  readonly eventId: string;
  readonly title: string;
  readonly mode: EveningMode;
  readonly videoLink: string | null;
  readonly children: readonly {
    readonly pupilId: string;
    readonly forename: string;
    readonly teachers: readonly { readonly staffId: string; readonly name: string }[];
  }[];
  readonly freeSlots: readonly EveningSlot[];
  readonly appointments: readonly AppointmentView[];
  /**
   * The family's appointments another parent or carer booked for these children (one booking per child and teacher
   * for the family): when and with whom, never who. Empty where separated parents book separately.
   */
  readonly bookedByOthers: readonly FamilyAppointmentView[];
}

export interface FamilyAppointmentView {
  readonly pupilId: string;
  readonly staffId: string;
  readonly state: AppointmentState;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export type BookForMeResult =
  | { readonly status: 'booked'; readonly appointments: readonly AppointmentView[] }
  | { readonly status: 'unfitted'; readonly unfitted: readonly (Need & { readonly teacherName: string })[] };
