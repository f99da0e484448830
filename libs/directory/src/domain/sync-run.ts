import type { SchoolId, UserId } from '@rowan/kernel';

export type SyncSource = 'wonde' | 'csv';
export type SyncMode = 'full' | 'delta';
export type SyncStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type SyncPhase = 'waiting' | 'groups' | 'pupils' | 'leavers' | 'staff' | 'done';

export interface SyncCounts {
  added: number;
  changed: number;
  left: number;
  unchanged: number;
}

export type SyncTally = Record<'pupils' | 'contacts' | 'staff' | 'groups', SyncCounts>;

export const emptyTally = (): SyncTally => ({
  pupils: { added: 0, changed: 0, left: 0, unchanged: 0 },
  contacts: { added: 0, changed: 0, left: 0, unchanged: 0 },
  staff: { added: 0, changed: 0, left: 0, unchanged: 0 },
  groups: { added: 0, changed: 0, left: 0, unchanged: 0 },
});

/** One sync of a school's directory from its MIS: its progress while it runs, its result after. */
export class SyncRun {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    readonly source: SyncSource,
    readonly mode: SyncMode,
    public status: SyncStatus,
    public phase: SyncPhase,
    /** 0–100, for the progress bar. */
    public percent: number,
    public tally: SyncTally,
    public error: string | null,
    readonly requestedBy: UserId | null,
    readonly queuedAt: Date,
    public startedAt: Date | null,
    public finishedAt: Date | null,
    /** A failure the queue will retry (the MIS was down), as opposed to one it will not. */
    public retryable: boolean = false,
  ) {}

  isActive(): boolean {
    return this.status === 'queued' || this.status === 'running';
  }

  /** Whether the worker should (still) carry this run out: active, or failed in a way a retry can mend. */
  isRunnable(): boolean {
    return this.isActive() || (this.status === 'failed' && this.retryable);
  }

  /** Queued or running with no sign of life for six hours: its job was lost. */
  isAbandoned(now: Date): boolean {
    const since = this.startedAt ?? this.queuedAt;
    return this.isActive() && now.getTime() - since.getTime() > 6 * 3600_000;
  }

  start(at: Date): void {
    this.status = 'running';
    this.startedAt = at;
    this.finishedAt = null;
    this.error = null;
    this.retryable = false;
  }

  progress(phase: SyncPhase, percent: number, tally: SyncTally): void {
    this.phase = phase;
    this.percent = Math.max(0, Math.min(100, Math.round(percent)));
    this.tally = tally;
  }

  succeed(at: Date, tally: SyncTally): void {
    this.status = 'succeeded';
    this.phase = 'done';
    this.percent = 100;
    this.tally = tally;
    this.finishedAt = at;
  }

  fail(at: Date, reason: string, retryable = false): void {
    this.status = 'failed';
    this.error = reason.slice(0, 1000);
    this.finishedAt = at;
    this.retryable = retryable;
  }
}

/** How a school's MIS is reached. The token is a secret: stored encrypted, never returned by the API. */
export class MisConnection {
  constructor(
    readonly schoolId: SchoolId,
    public provider: 'wonde',
    public externalSchoolId: string,
    public baseUrl: string,
    public encryptedToken: string,
    /** Hour of the day (Europe/London) for the daily sync. */
    public dailySyncHour: number,
    /** Start of the last successful sync: the next delta reads changes after it. */
    public lastSyncedFrom: Date | null,
    public updatedAt: Date,
  ) {}
}
