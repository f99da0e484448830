import { NotPermitted } from '@rowan/access';
import { NotFound } from '@rowan/kernel';
import { emptyTally } from '../../domain/sync-run';
import { MisSyncTestbed } from '../../testing';

function setup() {
  const tb = new MisSyncTestbed();
  const { school } = tb.givenConnectedSchool();
  return { tb, school, useCase: tb.requestMisSync(), admin: tb.staffAt(school, 'school_admin') };
}

describe('RequestMisSyncUseCase', () => {
  it('queues a sync: stores the run, audits it, and enqueues one job once the run is stored', async () => {
    const { tb, school, useCase, admin } = setup();

    const view = await useCase.execute({ actor: admin, schoolId: school.id, mode: 'delta' });

    expect(view).toEqual({
      id: expect.any(String),
      schoolId: school.id,
      source: 'wonde',
      mode: 'delta',
      status: 'queued',
      phase: 'waiting',
      percent: 0,
      tally: emptyTally(),
      error: null,
      queuedAt: tb.clock.now(),
      startedAt: null,
      finishedAt: null,
    });
    expect(tb.runs.committed()).toEqual([
      expect.objectContaining({ id: view.id, status: 'queued', mode: 'delta', requestedBy: admin.userId }),
    ]);
    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'directory.sync_requested',
        actorId: admin.userId,
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'sync_run',
        targetId: view.id,
        after: { mode: 'delta' },
      }),
    ]);
    expect(tb.uow.commits).toBe(1);
    expect(tb.jobs.syncRequests).toEqual([{ runId: view.id, runStored: true }]);
  });

  it("lets the trust's admin ask for a sync of any of its schools", async () => {
    const { tb, school, useCase } = setup();
    const trust = (await tb.trusts.findById(school.trustId))!;

    await expect(
      useCase.execute({ actor: tb.trustAdminOf(trust), schoolId: school.id, mode: 'full' }),
    ).resolves.toMatchObject({ status: 'queued', mode: 'full' });
    expect(tb.jobs.syncRequests).toHaveLength(1);
  });

  it.each(['teacher', 'office'] as const)(
    'refuses (403) someone with the %s role at the school',
    async (role) => {
      const { tb, school, useCase } = setup();

      await expect(
        useCase.execute({ actor: tb.staffAt(school, role), schoolId: school.id, mode: 'full' }),
      ).rejects.toThrow(NotPermitted);
      expect(tb.runs.committed()).toEqual([]);
      expect(tb.audit.records()).toEqual([]);
      expect(tb.jobs.syncRequests).toEqual([]);
    },
  );

  it('answers "not found" to the admin of another school, of the trust or not', async () => {
    const { tb, school, useCase } = setup();
    const trust = (await tb.trusts.findById(school.trustId))!;
    const neighbour = tb.givenSchool(trust, { name: 'Ash Primary' });
    const elsewhere = tb.givenConnectedSchool({ name: 'Elm Primary' }).school;

    for (const other of [neighbour, elsewhere]) {
      await expect(
        useCase.execute({ actor: tb.staffAt(other, 'school_admin'), schoolId: school.id, mode: 'full' }),
      ).rejects.toThrow(NotFound);
    }
    expect(tb.runs.committed()).toEqual([]);
    expect(tb.audit.records()).toEqual([]);
    expect(tb.jobs.syncRequests).toEqual([]);
  });

  it('refuses a school not connected to its MIS (DIRECTORY.NOT_CONNECTED)', async () => {
    const { tb, useCase } = setup();
    const school = tb.givenSchool(tb.givenTrust('Elm Trust'));

    await expect(
      useCase.execute({ actor: tb.staffAt(school, 'school_admin'), schoolId: school.id, mode: 'full' }),
    ).rejects.toMatchObject({ code: 'DIRECTORY.NOT_CONNECTED', kind: 'conflict' });
    expect(tb.runs.committed()).toEqual([]);
    expect(tb.jobs.syncRequests).toEqual([]);
  });

  it.each(['queued', 'running'] as const)(
    'refuses while a sync of the school is %s (DIRECTORY.SYNC_IN_PROGRESS)',
    async (status) => {
      const { tb, school, useCase, admin } = setup();
      const active = tb.givenRun(school, { status });

      await expect(
        useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' }),
      ).rejects.toMatchObject({
        code: 'DIRECTORY.SYNC_IN_PROGRESS',
        kind: 'conflict',
      });
      expect(tb.runs.committed().map((r) => r.id)).toEqual([active.id]);
      expect(tb.audit.records()).toEqual([]);
      expect(tb.jobs.syncRequests).toEqual([]);
    },
  );

  it("is not held up by earlier syncs that finished, or by another school's sync", async () => {
    const { tb, school, useCase, admin } = setup();
    tb.givenRun(school, { status: 'succeeded' });
    tb.givenRun(school, { status: 'failed' });
    tb.givenRun(tb.givenConnectedSchool({ name: 'Elm Primary' }).school, { status: 'running' });

    await expect(useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' })).resolves.toMatchObject(
      {
        status: 'queued',
      },
    );
    expect(tb.jobs.syncRequests).toHaveLength(1);
  });

  it('queues no job when storing the run fails', async () => {
    const { tb, school, useCase, admin } = setup();
    tb.uow.failNextCommit();

    await expect(useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' })).rejects.toThrow(
      'The database went away',
    );
    expect(tb.runs.committed()).toEqual([]);
    expect(tb.audit.records()).toEqual([]);
    expect(tb.jobs.syncRequests).toEqual([]);
  });

  it('queues a run the worker can then carry out', async () => {
    const { tb, school, useCase, admin } = setup();

    const view = await useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' });
    const result = await tb.runJob(tb.jobs.syncRequests[0]!.runId);

    expect(result).toEqual({ status: 'succeeded', runId: view.id });
    expect(tb.runs.row(view.id)).toMatchObject({ status: 'succeeded', requestedBy: admin.userId });
  });

  it('lets staff ask again after the job of an earlier request could not be queued', async () => {
    const { tb, school, useCase, admin } = setup();
    tb.jobs.failWith();
    await expect(useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' })).rejects.toThrow(
      'Redis is not answering',
    );
    tb.jobs.recover();

    await expect(useCase.execute({ actor: admin, schoolId: school.id, mode: 'full' })).resolves.toMatchObject(
      {
        status: 'queued',
      },
    );
    expect(tb.jobs.syncRequests).toHaveLength(1);
  });
});
