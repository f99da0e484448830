import { MisSyncTestbed } from '../../testing';

const DAY = 24 * 3600 * 1000;

/** Oak Primary synced once (on Monday 23 November 2026), the clock then moved to the next morning. */
async function synced() {
  const tb = new MisSyncTestbed();
  const oak = tb.givenOakPrimary();
  await tb.sync(oak.school);
  tb.clock.advance(DAY);
  tb.store.forgetCalls();
  tb.misSource.forgetReads();
  return { tb, ...oak };
}

describe('RunMisSyncUseCase: leavers', () => {
  it('makes a pupil the MIS no longer sends in a full sync a leaver, as of today, keeping their record', async () => {
    const { tb, school, mis, family, ada } = await synced();
    const harryBefore = tb.store.pupil(school.id, family.harry.misId)!;
    mis.dropPupil(family.harry.misId);

    const run = await tb.sync(school);

    expect(tb.store.pupil(school.id, family.harry.misId)).toMatchObject({
      id: harryBefore.id,
      enrolment: 'left',
      leaveDate: '2026-11-24',
    });
    expect(tb.store.contactLinksOf(harryBefore.id)).toHaveLength(2);
    expect(run.tally.pupils).toEqual({ added: 0, changed: 0, left: 1, unchanged: 2 });
    expect(
      tb.store
        .pupils(school.id)
        .filter((p) => p.enrolment === 'on_roll')
        .map((p) => p.misId),
    ).toEqual([family.olivia.misId, ada.misId]);
  });

  it('gives a pupil in the leavers feed the leaving date the MIS has, or today when it has none', async () => {
    const { tb, school, mis, family, ada } = await synced();
    mis.leave(family.harry.misId, '2026-11-20').leave(ada.misId, null);

    const run = await tb.sync(school);

    expect(tb.store.pupil(school.id, family.harry.misId)).toMatchObject({
      enrolment: 'left',
      leaveDate: '2026-11-20',
    });
    expect(tb.store.pupil(school.id, ada.misId)).toMatchObject({
      enrolment: 'left',
      leaveDate: '2026-11-24',
    });
    expect(run.tally.pupils.left).toBe(2);
  });

  it('does not count or re-date a pupil who had already left', async () => {
    const { tb, school, mis, family } = await synced();
    mis.leave(family.harry.misId, '2026-11-20');
    await tb.sync(school);
    tb.clock.advance(DAY);
    tb.store.forgetCalls();

    const again = await tb.sync(school);

    expect(again.tally.pupils).toEqual({ added: 0, changed: 0, left: 0, unchanged: 2 });
    expect(tb.store.pupil(school.id, family.harry.misId)?.leaveDate).toBe('2026-11-20');
    expect(tb.store.rowsTouched()).toBe(0);
  });

  it('in a delta, marks leavers from the leavers feed and the deletions, never pupils it did not see', async () => {
    const { tb, school, mis, family, ada } = await synced();
    mis.leave(family.harry.misId, '2026-11-20').delete('pupil', ada.misId);

    const run = await tb.sync(school, 'delta');

    expect(tb.misSource.readsOf('pupils')[0]?.served).toEqual([]);
    expect(tb.store.pupil(school.id, family.olivia.misId)?.enrolment).toBe('on_roll');
    expect(tb.store.pupil(school.id, family.harry.misId)).toMatchObject({
      enrolment: 'left',
      leaveDate: '2026-11-20',
    });
    expect(tb.store.pupil(school.id, ada.misId)).toMatchObject({
      enrolment: 'left',
      leaveDate: '2026-11-24',
    });
    expect(run.tally.pupils.left).toBe(2);
  });

  it('in a delta, keeps on roll a pupil the MIS stopped sending without a leaver record or a deletion', async () => {
    const { tb, school, mis, family } = await synced();
    mis.dropPupil(family.harry.misId);

    const run = await tb.sync(school, 'delta');

    expect(tb.store.pupils(school.id).map((p) => p.enrolment)).toEqual(['on_roll', 'on_roll', 'on_roll']);
    expect(run.tally.pupils.left).toBe(0);
    expect(tb.store.written('markPupilsLeft')).toEqual([]);
  });

  it.each(['full', 'delta'] as const)(
    'puts a pupil who comes back after leaving on roll again (%s sync), links and groups included',
    async (mode) => {
      const { tb, school, mis, family } = await synced();
      mis.leave(family.harry.misId, '2026-11-20');
      await tb.sync(school);
      tb.clock.advance(DAY);
      mis.putPupils(family.harry);

      const run = await tb.sync(school, mode);

      const harry = tb.store.pupil(school.id, family.harry.misId)!;
      expect(harry).toMatchObject({ enrolment: 'on_roll', leaveDate: null });
      expect(tb.store.pupils(school.id)).toHaveLength(3);
      expect(run.tally.pupils).toMatchObject({ added: 0, changed: 1, left: 0 });
      expect(tb.store.contactLinksOf(harry.id).map((l) => l.contactId)).toEqual([
        tb.store.contact(school.id, family.mother.misId)!.id,
        tb.store.contact(school.id, family.father.misId)!.id,
      ]);
      expect(tb.store.groupIdsOf(harry.id)).toHaveLength(2);
    },
  );

  it('deactivates staff and groups the MIS deletes: in a delta from its deletions, else in the next full sync', async () => {
    const { tb, school, mis, staff, class5C } = await synced();
    mis.delete('staff', staff[0]!.misId).delete('group', class5C.misId);
    const head = staff[1]!;
    mis.putStaff({ ...head, jobTitle: 'Executive Headteacher' });

    const delta = await tb.sync(school, 'delta');

    expect(delta.tally.staff).toEqual({ added: 0, changed: 1, left: 1, unchanged: 0 });
    expect(delta.tally.groups.left).toBe(1);
    expect(tb.store.staffMember(school.id, head.misId)?.jobTitle).toBe('Executive Headteacher');

    const full = await tb.sync(school);

    expect(full.tally.staff).toEqual({ added: 0, changed: 0, left: 0, unchanged: 1 });
    expect(full.tally.groups).toEqual({ added: 0, changed: 0, left: 0, unchanged: 4 });
    expect(tb.store.staffMember(school.id, staff[0]!.misId)?.active).toBe(false);
    expect(tb.store.group(school.id, class5C.misId)?.active).toBe(false);
  });

  it('deactivates, in a full sync, a contact the MIS no longer sends', async () => {
    const { tb, school, mis, family } = await synced();
    const { olivia, harry, father } = family;
    mis
      .putPupils(
        { ...olivia, contacts: olivia.contacts.filter((l) => l.contact.misId !== father.misId) },
        { ...harry, contacts: harry.contacts.filter((l) => l.contact.misId !== father.misId) },
      )
      .delete('contact', father.misId);

    const run = await tb.sync(school);

    expect(tb.store.contactLinksOf(tb.store.pupil(school.id, olivia.misId)!.id)).toHaveLength(1);
    expect(tb.store.contact(school.id, father.misId)?.active).toBe(false);
    expect(run.tally.contacts.left).toBe(1);
  });

  it('in a delta, deactivates a member of staff the MIS reports as deleted', async () => {
    const { tb, school, mis, staff } = await synced();
    mis.delete('staff', staff[0]!.misId);

    const delta = await tb.sync(school, 'delta');

    expect(tb.store.staffMember(school.id, staff[0]!.misId)?.active).toBe(false);
    expect(delta.tally.staff.left).toBe(1);
  });

  it('dates a leaver with the day in the UK, also just after midnight in summer', async () => {
    const tb = new MisSyncTestbed();
    const { school, mis, family } = tb.givenOakPrimary();
    tb.clock.set(new Date('2026-06-01T10:00:00Z'));
    await tb.sync(school);
    tb.clock.set(new Date('2026-06-01T23:30:00Z')); // 00:30 on Tuesday 2 June in the UK
    mis.dropPupil(family.harry.misId);

    await tb.sync(school);

    expect(tb.store.pupil(school.id, family.harry.misId)?.leaveDate).toBe('2026-06-02');
  });
});
