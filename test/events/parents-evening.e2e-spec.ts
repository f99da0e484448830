import { SystemClock } from '@rowan/kernel';
import type { ApiStack } from '../support/api-stack';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { parentsEveningKit } from '../support/parents-evening-kit';

/**
 * Parents' evenings with the real API: staff set up teachers and windows, the slots are generated, parents hold
 * and confirm slots or let 'book for me' choose, and the database keeps one booking per slot, one slot per
 * teacher per child and no parent in two places at once.
 */
describe('events: parents’ evenings', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;

  beforeAll(async () => {
    messaging = await startMessagingStack(new SystemClock());
    ({ stack } = messaging);
  });
  afterAll(() => messaging?.close());

  const { as, sql, at, school, teacher, parent, evening, slotOf, hold, appointmentCount } = parentsEveningKit(
    () => stack,
  );

  it('generates the slots from the windows and breaks, and two parents racing for one slot end with one winner', async () => {
    const { school: s, staff } = await school();
    const [ada, bea] = [
      await stack.make.pupil(s, 'Ada', 'One', 5),
      await stack.make.pupil(s, 'Bea', 'Two', 5),
    ];
    const group = await stack.make.group(s, '5A', 'teaching', [ada, bea]);
    const t1 = await teacher(s, 'Shared');
    const eventId = await evening(staff, s, [{ staffId: t1, groupIds: [group.id] }]);
    const grid = await as(staff).get(`/api/v1/schools/${s.id}/parents-evenings/${eventId}`);
    expect((grid.body.slots as Array<{ startsAt: string }>).map((x) => x.startsAt.slice(11, 16))).toEqual([
      '16:00',
      '16:10',
      '16:20',
      '16:40',
      '16:50',
    ]);
    const [pa, pb] = [await parent(s, [ada]), await parent(s, [bea])];
    const slotId = await slotOf(staff, s, eventId, t1, '16:00');
    const results = await Promise.all([hold(pa, eventId, ada.id, slotId), hold(pb, eventId, bea.id, slotId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('EVENTS.SLOT_TAKEN');
    expect(await appointmentCount(eventId)).toBe(1);
  });

  it('keeps a parent out of two overlapping slots for siblings, and one slot per teacher per child', async () => {
    const { school: s, staff } = await school();
    const [ada, bea] = [
      await stack.make.pupil(s, 'Ada', 'Sib', 5),
      await stack.make.pupil(s, 'Bea', 'Sib', 5),
    ];
    const [ga, gb] = [
      await stack.make.group(s, '5A', 'teaching', [ada]),
      await stack.make.group(s, '5B', 'teaching', [bea]),
    ];
    const [t1, t2] = [await teacher(s, 'First'), await teacher(s, 'Second')];
    const eventId = await evening(staff, s, [
      { staffId: t1, groupIds: [ga.id] },
      { staffId: t2, groupIds: [gb.id] },
    ]);
    const mum = await parent(s, [ada, bea]);
    expect((await hold(mum, eventId, ada.id, await slotOf(staff, s, eventId, t1, '16:00'))).status).toBe(201);
    const clash = await hold(mum, eventId, bea.id, await slotOf(staff, s, eventId, t2, '16:00'));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('EVENTS.SLOT_CLASH');
    const again = await hold(mum, eventId, ada.id, await slotOf(staff, s, eventId, t1, '16:20'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVENTS.ALREADY_BOOKED_TEACHER');
    const notTheirTeacher = await hold(mum, eventId, ada.id, await slotOf(staff, s, eventId, t2, '16:20'));
    expect(notTheirTeacher.status).toBe(403);
    expect((await hold(mum, eventId, bea.id, await slotOf(staff, s, eventId, t2, '16:10'))).status).toBe(201);
    const confirmed = await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.items.map((a: { state: string }) => a.state)).toEqual(['confirmed', 'confirmed']);

    // The other parent of the same family books the same child and teacher: the unique key says no.
    const dad = await parent(s, [ada]);
    const second = await hold(dad, eventId, ada.id, await slotOf(staff, s, eventId, t1, '16:40'));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EVENTS.ALREADY_BOOKED_TEACHER');
    expect(await appointmentCount(eventId)).toBe(2);
  });

  it('books for me: siblings with shared and different teachers get no overlapping slots and the gap', async () => {
    const { school: s, staff } = await school();
    const [ada, bea] = [
      await stack.make.pupil(s, 'Ada', 'Auto', 5),
      await stack.make.pupil(s, 'Bea', 'Auto', 5),
    ];
    const [ga, gb] = [
      await stack.make.group(s, '5A', 'teaching', [ada]),
      await stack.make.group(s, '5B', 'teaching', [bea]),
    ];
    const [t1, t2, t3] = [await teacher(s, 'Alpha'), await teacher(s, 'Both'), await teacher(s, 'Gamma')];
    const eventId = await evening(
      staff,
      s,
      [
        { staffId: t1, groupIds: [ga.id] },
        { staffId: t2, groupIds: [ga.id, gb.id] },
        { staffId: t3, groupIds: [gb.id] },
      ],
      { until: '18:00' },
    );
    const mum = await parent(s, [ada, bea]);
    const mine = await as(mum).get(`/api/v1/me/parents-evenings/${eventId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.children).toHaveLength(2);

    const booked = await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/book-for-me`, {
      from: at('16:00'),
      to: at('18:00'),
      gapMinutes: 5,
    });
    expect(booked.status).toBe(200);
    expect(booked.body.status).toBe('booked');
    const items = booked.body.appointments as Array<{
      pupilId: string;
      staffId: string;
      startsAt: string;
      endsAt: string;
    }>;
    expect(items.map((a) => `${a.pupilId === ada.id ? 'ada' : 'bea'}/${a.staffId}`).sort()).toEqual(
      [`ada/${t1}`, `ada/${t2}`, `bea/${t2}`, `bea/${t3}`].sort(),
    );
    const times = items
      .map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const)
      .sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]![0] - times[i - 1]![1]).toBeGreaterThanOrEqual(5 * 60_000);
    }

    const list = await as(staff).get(
      `/api/v1/schools/${s.id}/parents-evenings/${eventId}/appointments?staffId=${t2}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { pupilName: string }) => a.pupilName).sort()).toEqual([
      'Ada Auto',
      'Bea Auto',
    ]);

    // Nothing more fits a 20-minute window for a second family sharing teacher Both: nothing is booked.
    const cal = await stack.make.pupil(s, 'Cal', 'Late', 5);
    await sql('insert into group_members (group_id, pupil_id, school_id) values (?, ?, ?)', [
      ga.id,
      cal.id,
      s.id,
    ]);
    await sql(
      'insert into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at) values (?, ?, ?, 0, now(3))',
      [eventId, cal.id, s.id],
    );
    const before = await appointmentCount(eventId);
    const unfitted = await as(await parent(s, [cal])).post(
      `/api/v1/me/parents-evenings/${eventId}/book-for-me`,
      {
        from: at('16:00'),
        to: at('16:10'),
        gapMinutes: 0,
      },
    );
    expect(unfitted.status).toBe(200);
    expect(unfitted.body.status).toBe('unfitted');
    expect(unfitted.body.unfitted.length).toBeGreaterThan(0);
    expect(await appointmentCount(eventId)).toBe(before);
  });

  it('does not let a parent book for another family’s child, and writes nothing', async () => {
    const { school: s, staff } = await school();
    const [ada, bea] = [
      await stack.make.pupil(s, 'Ada', 'Mine', 5),
      await stack.make.pupil(s, 'Bea', 'Theirs', 5),
    ];
    const t1 = await teacher(s, 'Any');
    const eventId = await evening(staff, s, [{ staffId: t1, groupIds: [] }]);
    const mum = await parent(s, [ada]);
    await parent(s, [bea]);
    const slotId = await slotOf(staff, s, eventId, t1, '16:00');
    const attempt = await hold(mum, eventId, bea.id, slotId);
    expect(attempt.status).toBe(404);
    expect(attempt.headers['content-type']).toContain('application/problem+json');
    const stranger = await parent(s, []);
    const forMe = await as(stranger).post(`/api/v1/me/parents-evenings/${eventId}/book-for-me`, {
      from: at('16:00'),
      to: at('17:00'),
      gapMinutes: 0,
    });
    expect(forMe.status).toBe(404);
    expect(await appointmentCount(eventId)).toBe(0);
  });
});
