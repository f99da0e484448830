import { ValidationFailed, type FieldError } from '@rowan/kernel';

export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

export const EVENING_MODES = ['in_person', 'video'] as const;
export type EveningMode = (typeof EVENING_MODES)[number];

/** How long a parent may hold a slot while choosing, before it is free again. */
export const SLOT_HOLD_MS = 10 * 60_000;

/** A member of staff seeing parents: when they are free, and which classes they teach (none: every invited pupil). */
export interface EveningTeacher {
  readonly staffId: string;
  readonly groupIds: readonly string[];
  readonly windows: readonly TimeRange[];
  readonly breaks: readonly TimeRange[];
}

export interface EveningSetup {
  readonly slotMinutes: number;
  readonly mode: EveningMode;
  readonly videoLink: string | null;
  /** Separated parents may each book for the same child; otherwise one booking per child and teacher. */
  readonly separateBookings: boolean;
  readonly teachers: readonly EveningTeacher[];
}

/**
 * Whose booking an appointment is, for "one per child, teacher and family". Where the school lets separated parents
 * book separately, each guardian with parental responsibility for the child books their own (keyed by their user
 * id); otherwise, and for a contact without parental responsibility, the family books once (the shared key '').
 */
export function familyKeyFor(
  separateBookings: boolean,
  userId: string,
  parentalResponsibility: boolean,
): string {
  return separateBookings && parentalResponsibility ? userId : '';
}

export interface SlotTime {
  readonly staffId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const rangesOverlap = (a: TimeRange, b: TimeRange): boolean =>
  a.from.getTime() < b.to.getTime() && b.from.getTime() < a.to.getTime();

export function checkSetup(s: EveningSetup): void {
  const errors: FieldError[] = [];
  if (!Number.isInteger(s.slotMinutes) || s.slotMinutes < 5 || s.slotMinutes > 60) {
    errors.push({ field: 'slotMinutes', message: 'must be 5 to 60 minutes' });
  }
  if (s.mode === 'video' && !s.videoLink) {
    errors.push({ field: 'videoLink', message: 'a video evening needs a link' });
  }
  if (!s.teachers.length) {
    errors.push({ field: 'teachers', message: 'an evening has at least one teacher' });
  }
  if (new Set(s.teachers.map((t) => t.staffId)).size !== s.teachers.length) {
    errors.push({ field: 'teachers', message: 'each teacher appears once' });
  }
  s.teachers.forEach((t, i) => {
    const ranges = [...t.windows, ...t.breaks];
    if (!t.windows.length || ranges.some((r) => !(r.from.getTime() < r.to.getTime()))) {
      errors.push({ field: `teachers.${i}.windows`, message: 'each window and break ends after it starts' });
    }
  });
  if (errors.length) {
    throw new ValidationFailed('The parents’ evening is not valid', errors);
  }
}

/** Every slot of every teacher: back to back through each window, leaving out any that touch a break. */
export function generateSlots(setup: Pick<EveningSetup, 'slotMinutes' | 'teachers'>): SlotTime[] {
  const length = setup.slotMinutes * 60_000;
  const slots = new Map<string, SlotTime>();
  for (const t of setup.teachers) {
    for (const w of t.windows) {
      for (let at = w.from.getTime(); at + length <= w.to.getTime(); at += length) {
        const slot = { from: new Date(at), to: new Date(at + length) };
        if (!t.breaks.some((b) => rangesOverlap(slot, b))) {
          slots.set(`${t.staffId}/${at}`, { staffId: t.staffId, startsAt: slot.from, endsAt: slot.to });
        }
      }
    }
  }
  return [...slots.values()].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.staffId.localeCompare(b.staffId),
  );
}
