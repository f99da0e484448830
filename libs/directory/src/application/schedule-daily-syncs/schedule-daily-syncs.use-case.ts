import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, UnitOfWork } from '@rowan/kernel';
import { emptyTally, SyncRun } from '../../domain/sync-run';
import { DirectoryJobs, MisConnectionRepository, SyncRunRepository } from '../ports/sync-run.repository';

/** The hour of the day in the UK (Europe/London, so 02:00 stays 02:00 across the clock changes). */
export function ukHour(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' }).format(
      at,
    ),
  );
}

/**
 * Hourly: queues the daily sync of every school whose sync hour this is, unless one is already queued or running.
 * A delta when the school has synced before, a full sync otherwise; a full sync every Sunday catches anything a
 * delta could miss.
 */
@Injectable()
export class ScheduleDailySyncsUseCase {
  constructor(
    private readonly connections: MisConnectionRepository,
    private readonly runs: SyncRunRepository,
    private readonly jobs: DirectoryJobs,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(): Promise<{ queued: number }> {
    const now = this.clock.now();
    const due = await this.connections.dueAt(ukHour(now));
    const queued: SyncRun[] = [];
    for (const connection of due) {
      if (await this.runs.findActiveForSchool(connection.schoolId)) {
        continue;
      }
      const sunday =
        new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/London' }).format(now) ===
        'Sun';
      const mode = connection.lastSyncedFrom && !sunday ? 'delta' : 'full';
      const run = new SyncRun(
        this.ids.next(),
        connection.schoolId,
        'wonde',
        mode,
        'queued',
        'waiting',
        0,
        emptyTally(),
        null,
        null,
        now,
        null,
        null,
      );
      this.runs.add(run);
      queued.push(run);
    }
    await this.uow.commit();
    for (const run of queued) {
      await this.jobs.runSync(run.id);
    }
    return { queued: queued.length };
  }
}
