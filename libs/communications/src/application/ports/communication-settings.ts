import type { SchoolId, TrustId } from '@rowan/kernel';

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

/** One school's SMS spend since a date, in pence, beside its own monthly budget. */
export interface SchoolSmsSpend {
  readonly schoolId: SchoolId;
  readonly spentPence: number;
  readonly budgetPence: number | null;
}

/**
 * SMS spend counts every SMS delivery handed to the provider (`sent_at`), at the segments the provider
 * reported, else the segments estimated when the delivery was created, at the school's price per segment.
 */
export abstract class CommunicationSettingsStore {
  abstract forSchool(schoolId: SchoolId): Promise<CommunicationSettings>;
  /** SMS spent since `since` (the start of the UK month), in pence: for the school, and for its whole trust. */
  abstract smsSpent(schoolId: SchoolId, since: Date): Promise<{ school: number; trust: number }>;
  /** Every school of the trust with its SMS spend since `since`, in pence. */
  abstract trustSmsSpend(trustId: TrustId, since: Date): Promise<SchoolSmsSpend[]>;
  /** The trust-wide monthly SMS budget in pence; null for none. */
  abstract trustBudget(trustId: TrustId): Promise<number | null>;
  abstract saveTrustBudget(trustId: TrustId, smsBudgetPence: number | null, at: Date): Promise<void>;
  /** Stores the school's own settings (the trust's budget is the trust's). */
  abstract save(
    schoolId: SchoolId,
    settings: Omit<CommunicationSettings, 'trustSmsBudgetPence'>,
    at: Date,
  ): Promise<void>;
}
