import { MisSyncTestbed } from '../../testing';

const HOUR = 3600 * 1000;

function setup() {
  const tb = new MisSyncTestbed();
  return { tb, ...tb.givenOakPrimary() };
}

describe('RunMisSyncUseCase: a sync that dies half way', () => {
  it('fails the run with the error, leaves the delta cursor, and the next sync completes the directory', async () => {
    const { tb, school, mis, family, ada } = setup();
    const run = tb.givenRun(school);
    mis.dieAfter(1, { feed: 'pupils' });

    await expect(tb.runJob(run.id)).rejects.toThrow('The MIS stopped answering');

    expect(tb.runs.row(run.id)).toMatchObject({
      status: 'failed',
      error: 'The MIS stopped answering',
      finishedAt: tb.clock.now(),
    });
    expect(tb.runs.progressOf(run.id).at(-1)).toMatchObject({ status: 'failed', phase: 'pupils' });
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toBeNull();
    const written = tb.store.pupils(school.id);
    expect(written.map((p) => p.misId)).toEqual([family.olivia.misId, ada.misId]);

    tb.clock.advance(HOUR);
    const next = await tb.sync(school);

    expect(next.status).toBe('succeeded');
    expect(next.tally.pupils).toEqual({ added: 1, changed: 0, left: 0, unchanged: 2 });
    expect(next.tally.contacts).toEqual({ added: 0, changed: 0, left: 0, unchanged: 3 });
    expect(next.tally.staff).toEqual({ added: 2, changed: 0, left: 0, unchanged: 0 });
    const pupils = tb.store.pupils(school.id);
    expect(pupils.map((p) => p.misId)).toEqual([family.olivia.misId, ada.misId, family.harry.misId]);
    expect(pupils.slice(0, 2).map((p) => p.id)).toEqual(written.map((p) => p.id));
    expect(tb.store.contacts(school.id)).toHaveLength(3);
    const harry = tb.store.pupil(school.id, family.harry.misId)!;
    const olivia = tb.store.pupil(school.id, family.olivia.misId)!;
    expect(tb.store.contactLinksOf(harry.id).map((l) => l.contactId)).toEqual(
      tb.store.contactLinksOf(olivia.id).map((l) => l.contactId),
    );
    expect(tb.store.staff(school.id)).toHaveLength(2);
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(next.startedAt);
  });

  it('after a delta dies, the next delta reads again from the start of the last sync that succeeded', async () => {
    const { tb, school, mis, family } = setup();
    const first = await tb.sync(school);
    tb.clock.advance(HOUR);
    tb.misSource.pageSize = 1;
    mis.putPupils(
      { ...family.olivia, preferredForename: 'Liv' },
      { ...family.harry, registrationGroup: '2J' },
    );
    mis.dieAfter(1, { feed: 'pupils' });
    const dying = tb.givenRun(school, { mode: 'delta' });

    await expect(tb.runJob(dying.id)).rejects.toThrow('The MIS stopped answering');

    expect(tb.runs.row(dying.id)?.status).toBe('failed');
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(first.startedAt);
    expect(tb.store.pupil(school.id, family.olivia.misId)?.preferredForename).toBe('Liv');
    expect(tb.store.pupil(school.id, family.harry.misId)?.registrationGroup).toBe('2H');

    tb.clock.advance(HOUR);
    tb.misSource.forgetReads();
    tb.store.forgetCalls();
    const next = await tb.sync(school, 'delta');

    expect(tb.misSource.readsOf('pupils')).toEqual([
      expect.objectContaining({
        updatedAfter: first.startedAt,
        served: [family.olivia.misId, family.harry.misId],
      }),
    ]);
    expect(tb.store.written('writePupils')).toEqual([family.harry.misId]);
    expect(tb.store.pupil(school.id, family.harry.misId)?.registrationGroup).toBe('2J');
    expect(next.tally.pupils).toEqual({ added: 0, changed: 1, left: 0, unchanged: 1 });
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(next.startedAt);
  });

  it('fails the run when the database refuses a write, leaving the delta cursor', async () => {
    const { tb, school } = setup();
    const first = await tb.sync(school);
    tb.clock.advance(HOUR);
    const run = tb.givenRun(school);
    tb.store.failNextWrite(new Error('Lock wait timeout exceeded'));

    await expect(tb.runJob(run.id)).rejects.toThrow('Lock wait timeout exceeded');

    expect(tb.runs.row(run.id)).toMatchObject({ status: 'failed', error: 'Lock wait timeout exceeded' });
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(first.startedAt);
  });

  it('runs the sync again when the queue retries a job that failed on a transient error', async () => {
    const { tb, school, mis } = setup();
    const run = tb.givenRun(school);
    mis.dieAfter(1, { feed: 'pupils' });
    await expect(tb.runJob(run.id)).rejects.toMatchObject({ transient: true });

    const retry = await tb.runJob(run.id);

    expect(retry).toEqual({ status: 'succeeded', runId: run.id });
    expect(tb.store.pupils(school.id)).toHaveLength(3);
  });
});
