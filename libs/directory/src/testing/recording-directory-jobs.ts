import { DirectoryJobs } from '../application/ports/sync-run.repository';
import type { InMemorySyncRunRepository } from './in-memory-sync-run.repository';

export interface SyncJobRequest {
  readonly runId: string;
  /** Whether the run was already stored when its job was queued (a worker picking the job up must find it). */
  readonly runStored: boolean;
}

/** Records the jobs asked for instead of queueing them. */
export class RecordingDirectoryJobs extends DirectoryJobs {
  readonly syncRequests: SyncJobRequest[] = [];
  private failure: Error | null = null;

  constructor(private readonly runs: InMemorySyncRunRepository) {
    super();
  }

  runSync(runId: string): Promise<void> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    this.syncRequests.push({ runId, runStored: this.runs.row(runId) !== undefined });
    return Promise.resolve();
  }

  /** Every request fails (the queue is down) until `recover()`. */
  failWith(error: Error = new Error('Redis is not answering')): void {
    this.failure = error;
  }

  recover(): void {
    this.failure = null;
  }
}
