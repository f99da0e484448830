import type { SyncCounts, SyncTally } from '../../domain/sync-run';
import { MisSyncTestbed } from '../../testing';

const DAY = 24 * 3600 * 1000;

function setup() {
  const tb = new MisSyncTestbed();
  return { tb, ...tb.givenOakPrimary() };
}

const counts = (c: Partial<SyncCounts>): SyncCounts => ({
  added: 0,
  changed: 0,
  left: 0,
  unchanged: 0,
  ...c,
});

function tally(t: Partial<Record<keyof SyncTally, Partial<SyncCounts>>>): SyncTally {
  return {
    pupils: counts(t.pupils ?? {}),
    contacts: counts(t.contacts ?? {}),
    staff: counts(t.staff ?? {}),
    groups: counts(t.groups ?? {}),
  };
}

describe('RunMisSyncUseCase', () => {
  it('adds every pupil, contact (shared ones once), group and staff member of a newly connected school', async () => {
    const { tb, school, family, ada, grandma, groups, staff } = setup();
    const { olivia, harry, mother, father } = family;

    const run = await tb.sync(school);

    expect(run).toMatchObject({ status: 'succeeded', phase: 'done', percent: 100, error: null });
    expect(run.finishedAt).toEqual(tb.clock.now());
    expect(run.tally).toEqual(
      tally({ pupils: { added: 3 }, contacts: { added: 3 }, groups: { added: 5 }, staff: { added: 2 } }),
    );
    const pupils = tb.store.pupils(school.id);
    expect(pupils.map((p) => [p.misId, p.preferredForename, p.registrationGroup, p.enrolment])).toEqual([
      [olivia.misId, 'Olivia', '5B', 'on_roll'],
      [ada.misId, 'Ada', '5C', 'on_roll'],
      [harry.misId, 'Harry', '2H', 'on_roll'],
    ]);
    const contacts = tb.store.contacts(school.id);
    expect(contacts.map((c) => c.misId).sort()).toEqual([mother.misId, father.misId, grandma.misId].sort());
    expect(tb.store.contact(school.id, mother.misId)).toMatchObject({
      forename: 'Sarah',
      emails: ['sarah.bennett@example.com'],
      mobiles: ['+447700900111'],
      active: true,
    });
    const idOf = (misId: string) => tb.store.contact(school.id, misId)!.id;
    const pupil = (misId: string) => tb.store.pupil(school.id, misId)!;
    for (const child of [olivia, harry]) {
      expect(tb.store.contactLinksOf(pupil(child.misId).id)).toEqual([
        expect.objectContaining({ contactId: idOf(mother.misId), relationship: 'Mother', priority: 1 }),
        expect.objectContaining({ contactId: idOf(father.misId), relationship: 'Father', priority: 2 }),
      ]);
    }
    const groupId = (misId: string) => tb.store.group(school.id, misId)!.id;
    expect(tb.store.groupIdsOf(pupil(olivia.misId).id)).toEqual([
      groupId(family.groups.year5.misId),
      groupId(family.groups.class5B.misId),
    ]);
    expect(tb.store.groups(school.id).map((g) => [g.misId, g.active])).toEqual(
      groups.map((g) => [g.misId, true]),
    );
    expect(tb.store.staff(school.id).map((s) => [s.misId, s.surname, s.active])).toEqual([
      [staff[0]!.misId, 'Patel', true],
      [staff[1]!.misId, 'Okafor', true],
    ]);
    expect(tb.misSource.reads.every((r) => r.updatedAfter === undefined)).toBe(true);
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(run.startedAt);
  });

  it('saves its progress as it goes: groups, pupils (a page at a time), leavers, staff, then done', async () => {
    const { tb, school } = setup();

    const run = await tb.sync(school);

    const saves = tb.runs.progressOf(run.id);
    expect(saves.map((s) => s.phase)).toEqual([
      'waiting',
      'groups',
      'pupils',
      'pupils',
      'leavers',
      'staff',
      'done',
    ]);
    expect(saves.slice(0, -1).every((s) => s.status === 'running')).toBe(true);
    expect(saves.at(-1)).toMatchObject({ status: 'succeeded', percent: 100 });
    const percents = saves.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(saves.filter((s) => s.phase === 'pupils').map((s) => s.tally.pupils.added)).toEqual([2, 3]);
  });

  it('writes nothing when the MIS has not changed, and tallies everything as unchanged', async () => {
    const { tb, school } = setup();
    await tb.sync(school);
    const before = tb.store.pupils(school.id);
    tb.store.forgetCalls();
    tb.clock.advance(DAY);

    const again = await tb.sync(school);

    expect(tb.store.rowsTouched()).toBe(0);
    expect(again.tally).toEqual(
      tally({
        pupils: { unchanged: 3 },
        contacts: { unchanged: 3 },
        groups: { unchanged: 5 },
        staff: { unchanged: 2 },
      }),
    );
    expect(tb.store.pupils(school.id)).toEqual(before);
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(again.startedAt);
  });

  it('writes only the pupil whose class changed and the contact whose email changed', async () => {
    const { tb, school, mis, family, class5C } = setup();
    const { olivia, harry, mother, father } = family;
    await tb.sync(school);
    const harryBefore = tb.store.pupil(school.id, harry.misId);
    tb.store.forgetCalls();
    tb.clock.advance(DAY);
    mis
      .putPupils({
        ...olivia,
        registrationGroup: '5C',
        groupMisIds: [family.groups.year5.misId, class5C.misId],
      })
      .putContacts({ ...mother, emails: ['sarah@bennett-family.example.com'] });

    const run = await tb.sync(school);

    expect(tb.store.written('writePupils')).toEqual([olivia.misId]);
    expect(tb.store.written('writeContacts')).toEqual([mother.misId]);
    expect(tb.store.written('writeGroups')).toEqual([]);
    expect(tb.store.written('writeStaff')).toEqual([]);
    expect(tb.store.written('markPupilsLeft')).toEqual([]);
    expect(tb.store.written('deactivate')).toEqual([]);
    expect(run.tally).toEqual(
      tally({
        pupils: { changed: 1, unchanged: 2 },
        contacts: { changed: 1, unchanged: 2 },
        groups: { unchanged: 5 },
        staff: { unchanged: 2 },
      }),
    );
    const oliviaNow = tb.store.pupil(school.id, olivia.misId)!;
    expect(oliviaNow).toMatchObject({ registrationGroup: '5C', updatedAt: tb.clock.now() });
    expect(tb.store.groupIdsOf(oliviaNow.id)).toEqual([
      tb.store.group(school.id, family.groups.year5.misId)!.id,
      tb.store.group(school.id, class5C.misId)!.id,
    ]);
    expect(tb.store.contactLinksOf(oliviaNow.id).map((l) => l.contactId)).toEqual([
      tb.store.contact(school.id, mother.misId)!.id,
      tb.store.contact(school.id, father.misId)!.id,
    ]);
    expect(tb.store.contact(school.id, mother.misId)?.emails).toEqual(['sarah@bennett-family.example.com']);
    expect(tb.store.pupil(school.id, harry.misId)).toEqual(harryBefore);
  });

  it("reads in a delta only what changed since the last sync's start, and writes only that", async () => {
    const { tb, school, mis, family, ada, grandma } = setup();
    const first = await tb.sync(school);
    tb.store.forgetCalls();
    tb.misSource.forgetReads();
    tb.clock.advance(DAY);
    mis
      .putPupils({ ...ada, registrationGroup: '5B', groupMisIds: [family.groups.class5B.misId] })
      .putContacts({ ...family.mother, mobiles: ['+447700900999'] });

    const delta = await tb.sync(school, 'delta');

    expect(delta.status).toBe('succeeded');
    expect(tb.misSource.reads.map((r) => [r.feed, r.updatedAfter])).toEqual(
      ['groups', 'pupils', 'contacts', 'leavers', 'deletions', 'staff'].map((feed) => [
        feed,
        first.startedAt,
      ]),
    );
    expect(tb.misSource.readsOf('pupils')[0]?.served).toEqual([ada.misId]);
    expect(tb.misSource.readsOf('contacts')[0]?.served).toEqual([family.mother.misId]);
    expect(tb.store.written('writePupils')).toEqual([ada.misId]);
    expect(tb.store.written('writeContacts')).toEqual([family.mother.misId]);
    expect(tb.store.calls.filter((c) => c.touched > 0).map((c) => c.method)).toEqual([
      'writePupils',
      'writeContacts',
    ]);
    expect(delta.tally.pupils).toEqual(counts({ changed: 1 }));
    expect(delta.tally.contacts).toEqual(counts({ changed: 1, unchanged: 1 }));
    expect(tb.store.contact(school.id, family.mother.misId)?.mobiles).toEqual(['+447700900999']);
    expect(tb.store.contact(school.id, grandma.misId)?.updatedAt).toEqual(first.startedAt);
    expect(tb.store.pupils(school.id).map((p) => p.enrolment)).toEqual(['on_roll', 'on_roll', 'on_roll']);
    expect(tb.connections.row(school.id)?.lastSyncedFrom).toEqual(delta.startedAt);
  });

  it('picks up in a delta a pupil whose own email changed, and writes only them', async () => {
    const { tb, school, mis, ada } = setup();
    await tb.sync(school);
    tb.store.forgetCalls();
    tb.clock.advance(DAY);
    mis.putPupils({ ...ada, email: 'ada.lovelace@oak.sch.uk' });

    const delta = await tb.sync(school, 'delta');

    expect(tb.store.written('writePupils')).toEqual([ada.misId]);
    expect(delta.tally.pupils).toEqual(counts({ changed: 1 }));
    expect(tb.store.pupil(school.id, ada.misId)?.email).toBe('ada.lovelace@oak.sch.uk');
  });

  it('tallies once, in a delta, a contact who changed along with their child', async () => {
    const { tb, school, mis, family } = setup();
    await tb.sync(school);
    tb.store.forgetCalls();
    tb.clock.advance(DAY);
    mis
      .putPupils({ ...family.olivia, preferredForename: 'Liv' })
      .putContacts({ ...family.mother, emails: ['sarah@bennett-family.example.com'] });

    const delta = await tb.sync(school, 'delta');

    expect(tb.store.written('writeContacts')).toEqual([family.mother.misId]);
    expect(delta.tally.contacts).toEqual(counts({ changed: 1, unchanged: 1 }));
  });

  it('reads everything when asked for a delta before any sync succeeded', async () => {
    const { tb, school } = setup();

    const run = await tb.sync(school, 'delta');

    expect(tb.misSource.reads.map((r) => r.updatedAfter)).not.toContainEqual(expect.any(Date));
    expect(run.tally.pupils).toEqual(counts({ added: 3 }));
  });

  it('reads the MIS with the connection token, unsealed', async () => {
    const { tb, school, mis } = setup();
    expect(tb.connections.row(school.id)?.encryptedToken).not.toContain(mis.token);

    await expect(tb.sync(school)).resolves.toMatchObject({ status: 'succeeded' });
    expect(tb.misSource.reads.length).toBeGreaterThan(0);
  });

  it.each(['succeeded', 'failed'] as const)('skips a run that has already %s', async (status) => {
    const { tb, school } = setup();
    const run = tb.givenRun(school, { status });
    const stored = tb.runs.row(run.id);

    await expect(tb.runJob(run.id)).resolves.toEqual({ status: 'skipped', reason: 'already_finished' });

    expect(tb.runs.row(run.id)).toEqual(stored);
    expect(tb.misSource.reads).toEqual([]);
    expect(tb.store.calls).toEqual([]);
  });

  it('skips a run that does not exist', async () => {
    const { tb } = setup();

    await expect(tb.runJob(tb.ids.next())).resolves.toEqual({ status: 'skipped', reason: 'no_such_run' });
    expect(tb.misSource.reads).toEqual([]);
  });

  it('fails the run of a school with no MIS connection, saying so, without reading anything', async () => {
    const { tb } = setup();
    const school = tb.givenSchool(tb.givenTrust('Elm Trust'), { name: 'Elm Primary' });
    const run = tb.givenRun(school);

    await expect(tb.runJob(run.id)).resolves.toEqual({ status: 'skipped', reason: 'no_connection' });

    expect(tb.runs.row(run.id)).toMatchObject({
      status: 'failed',
      error: 'This school has no MIS connection',
      finishedAt: tb.clock.now(),
    });
    expect(tb.misSource.reads).toEqual([]);
    expect(tb.store.calls).toEqual([]);
    expect(tb.connections.row(school.id)).toBeUndefined();
  });

  it('keeps schools apart, even when their MIS ids are the same', async () => {
    const { tb, school, family, ada, groups } = setup();
    const elm = tb.givenConnectedSchool({ name: 'Elm Primary' });
    elm.mis.putGroups(...groups).putPupils(family.olivia, ada, family.harry);
    await tb.sync(elm.school);

    const run = await tb.sync(school);

    expect(run.tally.pupils).toEqual(counts({ added: 3 }));
    expect(run.tally.contacts).toEqual(counts({ added: 3 }));
    const oak = tb.store.pupils(school.id).map((p) => p.id);
    const elmIds = tb.store.pupils(elm.school.id).map((p) => p.id);
    expect(oak).toHaveLength(3);
    expect(elmIds).toHaveLength(3);
    expect(oak.filter((id) => elmIds.includes(id))).toEqual([]);
  });
});
