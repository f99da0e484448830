import type { SchoolId } from '@rowan/kernel';

/** A school's rules for sending, with the defaults a school starts with. */
export interface CommunicationSettings {
  /** An unread app message falls back to the next channel after this long. */
  readonly fallbackAfterMinutes: number;
  /** Routine messages wait for the end of quiet hours (UK time, [start, end) hours; start > end wraps midnight). */
  readonly quietHours: { readonly start: number; readonly end: number } | null;
  /** SMS spend per calendar month, in pence; null for no limit. */
  readonly smsBudgetPence: number | null;
  readonly trustSmsBudgetPence: number | null;
  /** Messages to more recipients than this need a senior's approval; null for never. */
  readonly approvalThreshold: number | null;
  /** What one SMS segment costs, in pence. */
  readonly smsSegmentPence: number;
}

export const DEFAULT_SETTINGS: CommunicationSettings = {
  fallbackAfterMinutes: 240,
  quietHours: { start: 21, end: 7 },
  smsBudgetPence: null,
  trustSmsBudgetPence: null,
  approvalThreshold: 1000,
  smsSegmentPence: 4,
};

export abstract class CommunicationSettingsStore {
  abstract forSchool(schoolId: SchoolId): Promise<CommunicationSettings>;
  /** SMS spent this calendar month (UK), in pence: for the school, and for its whole trust. */
  abstract smsSpent(schoolId: SchoolId, since: Date): Promise<{ school: number; trust: number }>;
  /** Stores the school's own settings (the trust's budget is the trust's). */
  abstract save(
    schoolId: SchoolId,
    settings: Omit<CommunicationSettings, 'trustSmsBudgetPence'>,
    at: Date,
  ): Promise<void>;
}
