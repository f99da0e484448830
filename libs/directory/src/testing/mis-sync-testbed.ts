import { MisConnection, SyncRun, emptyTally, type SyncMode, type SyncStatus } from '../domain/sync-run';
import type { School } from '../domain/school';
import { RequestMisSyncUseCase } from '../application/request-mis-sync/request-mis-sync.use-case';
import { RunMisSyncUseCase, type RunMisSyncResult } from '../application/run-mis-sync/run-mis-sync.use-case';
import type { MisContact, MisGroup, MisPupil, MisStaffMember } from '../domain/mis/mis-records';
import { DirectoryTestbed } from './directory-testbed';
import { FakeMisSource, type FakeMisSchool } from './fake-mis-source';
import { FakeSecretBox } from './fake-secret-box';
import { InMemoryDirectorySyncStore } from './in-memory-directory-sync.store';
import { InMemoryMisConnectionRepository } from './in-memory-mis-connection.repository';
import { InMemorySyncRunRepository } from './in-memory-sync-run.repository';
import {
  aContactLink,
  aFamily,
  aMisContact,
  aMisGroup,
  aMisPupil,
  aMisStaffMember,
  type MisFamily,
} from './mis-builders';
import { RecordingDirectoryJobs } from './recording-directory-jobs';

export interface ConnectedSchool {
  readonly school: School;
  /** The school as its MIS holds it. */
  readonly mis: FakeMisSchool;
}

/**
 * A connected school whose MIS holds the Bennett family (Olivia in 5B, Harry in 2H, both children of Sarah and
 * James), Ada Okoro (5C, her grandmother Grace her only contact), the year groups and classes, and two staff. The MIS
 * serves pupils in that order: Olivia, Ada, Harry.
 */
export interface OakPrimary extends ConnectedSchool {
  readonly family: MisFamily;
  readonly ada: MisPupil;
  readonly grandma: MisContact;
  readonly class5C: MisGroup;
  readonly groups: readonly MisGroup[];
  readonly staff: readonly MisStaffMember[];
}

/** The directory context with MIS sync wired to fakes. Make a fresh one in each test. */
export class MisSyncTestbed extends DirectoryTestbed {
  readonly secrets = new FakeSecretBox();
  readonly runs = new InMemorySyncRunRepository(this.uow);
  readonly connections = new InMemoryMisConnectionRepository(this.uow, this.secrets);
  readonly jobs = new RecordingDirectoryJobs(this.runs);
  readonly store = new InMemoryDirectorySyncStore();
  readonly misSource = new FakeMisSource(this.clock);
  private nextWondeId = 1;

  /** A school of a trust, connected to its MIS through Wonde (sealed token, never synced), with an empty MIS. */
  givenConnectedSchool(options: { name?: string; dailySyncHour?: number } = {}): ConnectedSchool {
    const school = this.givenSchool(this.givenTrust(), { name: options.name ?? 'Oak Primary' });
    const mis = this.misSource.school(`A${1_000_000_000 + this.nextWondeId++}`);
    this.connections.seed(
      new MisConnection(
        school.id,
        'wonde',
        mis.externalSchoolId,
        'https://api.wonde.test/v1.0/',
        this.secrets.seal(mis.token),
        options.dailySyncHour ?? 2,
        null,
        this.clock.now(),
      ),
    );
    return { school, mis };
  }

  givenOakPrimary(): OakPrimary {
    const connected = this.givenConnectedSchool({ name: 'Oak Primary' });
    const family = aFamily(this.ids);
    const class5C = aMisGroup(this.ids, { kind: 'registration', name: '5C', code: '5C' });
    const grandma = aMisContact(this.ids, {
      title: 'Mrs',
      forename: 'Grace',
      surname: 'Okoro',
      emails: ['grace.okoro@example.com'],
      mobiles: ['+447700900333'],
    });
    const ada = aMisPupil(this.ids, {
      upn: 'A123456789014',
      legalForename: 'Adaeze',
      legalSurname: 'Okoro',
      preferredForename: 'Ada',
      preferredSurname: 'Okoro',
      dateOfBirth: '2016-07-30',
      ncYear: 5,
      yearGroup: 'Year 5',
      registrationGroup: '5C',
      groupMisIds: [family.groups.year5.misId, class5C.misId],
      contacts: [aContactLink(grandma, { relationship: 'Grandparent' })],
    });
    const staff = [
      aMisStaffMember(this.ids),
      aMisStaffMember(this.ids, {
        title: 'Mr',
        forename: 'Daniel',
        surname: 'Okafor',
        jobTitle: 'Headteacher',
        email: 'head@oak-primary.sch.uk',
      }),
    ];
    const groups = [...Object.values(family.groups), class5C];
    connected.mis
      .putGroups(...groups)
      .putPupils(family.olivia, ada, family.harry)
      .putStaff(...staff);
    return { ...connected, family, ada, grandma, class5C, groups, staff };
  }

  /** A run already stored for the school. */
  givenRun(school: School, options: { mode?: SyncMode; status?: SyncStatus } = {}): SyncRun {
    const status = options.status ?? 'queued';
    const now = this.clock.now();
    const run = new SyncRun(
      this.ids.next(),
      school.id,
      'wonde',
      options.mode ?? 'full',
      status,
      status === 'succeeded' ? 'done' : 'waiting',
      status === 'succeeded' ? 100 : 0,
      emptyTally(),
      status === 'failed' ? 'The MIS stopped answering' : null,
      null,
      now,
      status === 'queued' ? null : now,
      status === 'succeeded' || status === 'failed' ? now : null,
    );
    this.runs.seed(run);
    return run;
  }

  runMisSync(): RunMisSyncUseCase {
    return new RunMisSyncUseCase(
      this.runs,
      this.connections,
      this.misSource,
      this.store,
      this.clock,
      this.ids,
    );
  }

  requestMisSync(): RequestMisSyncUseCase {
    return new RequestMisSyncUseCase(
      this.schools,
      this.connections,
      this.runs,
      this.jobs,
      this.audit,
      this.uow,
      this.clock,
      this.ids,
    );
  }

  /**
   * Runs a job on the worker, which starts with a fresh unit of work (nothing loaded by an earlier job carries
   * over). Errors propagate, as they fail the job.
   */
  runJob(runId: string): Promise<RunMisSyncResult> {
    this.uow.rollback();
    return this.runMisSync().execute({ runId });
  }

  /** Queues a sync of the school and lets the worker run it; the run as stored afterwards. */
  async sync(school: School, mode: SyncMode = 'full'): Promise<SyncRun> {
    const run = this.givenRun(school, { mode });
    await this.runJob(run.id);
    return this.runs.row(run.id)!;
  }
}
