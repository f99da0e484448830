import { Injectable } from '@nestjs/common';
import { Clock, DomainError, IdGenerator } from '@rowan/kernel';
import type { MisConnection, SyncRun } from '../../domain/sync-run';
import { emptyTally } from '../../domain/sync-run';
import { DirectorySyncStore } from '../ports/directory-sync.store';
import { MisSource, type MisAccess, type MisReadOptions } from '../ports/mis-source';
import { MisConnectionRepository, SyncRunRepository } from '../ports/sync-run.repository';
import { SyncPass } from './sync-pass';

export type RunMisSyncResult =
  | { status: 'succeeded'; runId: string }
  | { status: 'skipped'; reason: 'no_such_run' | 'already_finished' | 'no_connection' };

/**
 * Worker job: reads the school's MIS and brings the directory in line with it. Groups first, then pupils with
 * their contacts, then leavers, then staff. Only new or changed records are written; a full sync marks pupils the
 * MIS no longer sends as leavers. The delta cursor moves only when a sync succeeds, so a sync that dies is simply
 * completed by the next one.
 */
@Injectable()
export class RunMisSyncUseCase {
  constructor(
    private readonly runs: SyncRunRepository,
    private readonly connections: MisConnectionRepository,
    private readonly source: MisSource,
    private readonly store: DirectorySyncStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { readonly runId: string }): Promise<RunMisSyncResult> {
    const run = await this.runs.findById(input.runId);
    if (!run) {
      return { status: 'skipped', reason: 'no_such_run' };
    }
    const newer = await this.runs.findActiveForSchool(run.schoolId);
    if (!run.isRunnable() || (newer && newer.id !== run.id)) {
      return { status: 'skipped', reason: 'already_finished' };
    }
    const connection = await this.connections.findForSchool(run.schoolId);
    if (!connection) {
      run.fail(this.clock.now(), 'This school has no MIS connection');
      await this.runs.saveProgress(run);
      return { status: 'skipped', reason: 'no_connection' };
    }
    const startedAt = this.clock.now();
    run.start(startedAt);
    await this.runs.saveProgress(run);
    try {
      await this.sync(run, connection, this.connections.accessFor(connection));
    } catch (error) {
      // An outage is worth the queue's retry (which runs this same run again); a refusal or a bug is not.
      const retryable = !(error instanceof DomainError) || error.transient;
      run.fail(this.clock.now(), error instanceof Error ? error.message : String(error), retryable);
      await this.runs.saveProgress(run);
      throw error;
    }
    connection.lastSyncedFrom = startedAt;
    connection.updatedAt = this.clock.now();
    await this.connections.save(connection);
    return { status: 'succeeded', runId: run.id };
  }

  private async sync(run: SyncRun, connection: MisConnection, access: MisAccess): Promise<void> {
    const delta = run.mode === 'delta' && connection.lastSyncedFrom !== null;
    const options: MisReadOptions = delta ? { updatedAfter: connection.lastSyncedFrom! } : {};
    const pass = new SyncPass(
      run.schoolId,
      this.store,
      this.clock,
      this.ids,
      emptyTally(),
      (phase, percent, tally) => {
        run.progress(phase, percent, tally);
        return this.runs.saveProgress(run);
      },
    );
    const totals = await this.source.counts(access);
    await pass.groups(this.source.groups(access, options), !delta);
    await pass.pupils(this.source.pupils(access, options), totals.pupils);
    if (delta) {
      await pass.contacts(this.source.contacts(access, options));
    }
    await pass.leavers(
      this.source.leavers(access, options),
      delta ? this.source.deletions(access, options) : null,
    );
    await pass.staff(this.source.staff(access, options), !delta, totals.staff);
    run.succeed(this.clock.now(), pass.tally);
    await this.runs.saveProgress(run);
  }
}
