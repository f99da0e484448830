import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { NotFound, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import { SchoolRepository } from '../ports/school.repository';
import { SyncRunRepository } from '../ports/sync-run.repository';
import { schoolFor } from '../school-scope';
import { toSyncRunView, type SyncRunView } from '../sync-run.view';

/** The school's sync history, newest first, with each run's result or live progress. */
@Injectable()
export class ListSyncRunsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly runs: SyncRunRepository,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly page: PageRequest;
  }): Promise<Page<SyncRunView>> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const page = await this.runs.listForSchool(school.id, input.page);
    return { items: page.items.map(toSyncRunView), nextCursor: page.nextCursor };
  }
}

@Injectable()
export class GetSyncRunUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly runs: SyncRunRepository,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly runId: string;
  }): Promise<SyncRunView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const run = await this.runs.findById(input.runId);
    if (!run || run.schoolId !== school.id) {
      throw new NotFound('Sync run');
    }
    return toSyncRunView(run);
  }
}
