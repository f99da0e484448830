import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { DirectoryConflict } from '../../domain/directory.errors';
import { emptyTally, SyncRun, type SyncMode } from '../../domain/sync-run';
import { SchoolRepository } from '../ports/school.repository';
import { DirectoryJobs, MisConnectionRepository, SyncRunRepository } from '../ports/sync-run.repository';
import { schoolFor } from '../school-scope';
import { toSyncRunView, type SyncRunView } from '../sync-run.view';

/** Staff ask for a sync now; the worker runs it. One sync per school at a time. */
@Injectable()
export class RequestMisSyncUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly connections: MisConnectionRepository,
    private readonly runs: SyncRunRepository,
    private readonly jobs: DirectoryJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly mode: SyncMode;
  }): Promise<SyncRunView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:manage');
    if (!(await this.connections.findForSchool(school.id))) {
      throw new DirectoryConflict('Connect this school to its MIS before syncing', 'DIRECTORY.NOT_CONNECTED');
    }
    const active = await this.runs.findActiveForSchool(school.id);
    if (active?.isAbandoned(this.clock.now())) {
      active.fail(this.clock.now(), 'Abandoned: no progress for six hours');
      await this.runs.saveProgress(active);
    } else if (active) {
      throw new DirectoryConflict(
        'A sync of this school is already queued or running',
        'DIRECTORY.SYNC_IN_PROGRESS',
      );
    }
    const run = new SyncRun(
      this.ids.next(),
      school.id,
      'wonde',
      input.mode,
      'queued',
      'waiting',
      0,
      emptyTally(),
      null,
      input.actor.userId,
      this.clock.now(),
      null,
      null,
    );
    this.runs.add(run);
    this.audit.record(input.actor.userId, {
      action: 'directory.sync_requested',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'sync_run',
      targetId: run.id,
      summary: `Asked for a ${input.mode} sync of ${school.name} from its MIS`,
      after: { mode: input.mode },
    });
    await this.uow.commit();
    try {
      await this.jobs.runSync(run.id);
    } catch (error) {
      run.fail(
        this.clock.now(),
        `Could not be queued: ${error instanceof Error ? error.message : String(error)}`,
      );
      await this.runs.saveProgress(run);
      throw error;
    }
    return toSyncRunView(run);
  }
}
