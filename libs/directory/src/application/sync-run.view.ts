import type { SyncRun } from '../domain/sync-run';

export type SyncRunView = Pick<
  SyncRun,
  | 'id'
  | 'schoolId'
  | 'source'
  | 'mode'
  | 'status'
  | 'phase'
  | 'percent'
  | 'tally'
  | 'error'
  | 'queuedAt'
  | 'startedAt'
  | 'finishedAt'
>;

export const toSyncRunView = (r: SyncRun): SyncRunView => ({
  id: r.id,
  schoolId: r.schoolId,
  source: r.source,
  mode: r.mode,
  status: r.status,
  phase: r.phase,
  percent: r.percent,
  tally: r.tally,
  error: r.error,
  queuedAt: r.queuedAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});
