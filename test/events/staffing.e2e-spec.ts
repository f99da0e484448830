import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventsKit } from '../support/events-kit';

/**
 * Staff allocation, schedules, registers and participation over the real API: an overlapping assignment is
 * flagged, not refused; a register's marks are what participation counts; and a parent or a teacher cannot
 * assign or mark, and nothing is written when they try.
 */
describe('events: staff allocation, registers and participation', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack.close());

  const { as, sql } = eventsKit(() => stack);
  const count = async (table: string, eventId: string) =>
    Number(
      (
        (await sql(`select count(*) as n from ${table} where event_id = ?`, [eventId])) as Array<{
          n: number;
        }>
      )[0]!.n,
    );

  async function school() {
    const s = await stack.make.school(await stack.make.trust());
    const admin = await stack.make.member('school_admin', { school: s });
    return {
      s,
      adminUser: admin.user,
      admin: await stack.token({ userId: admin.user.identitySubject!, email: admin.user.email }),
    };
  }

  it('assigns staff, flags a clash across events and lists each person’s schedule', async () => {
    const { s, adminUser, admin } = await school();
    const teacher = await stack.make.member('teacher', { school: s });
    const staff = await stack.make.staffMember(s, 'Tess', 'Teacher', teacher.user.email);
    const trip = await stack.make.event(s, adminUser.id, 'published');
    const club = await as(admin).post(`/api/v1/schools/${s.id}/events`, {
      kind: 'club',
      title: 'Chess club',
      startsAt: trip.startsAt.toISOString(),
      sessions: [new Date(trip.startsAt.getTime() + 3_600_000).toISOString()],
      capacity: 10,
      eligibility: { ncYears: [5] },
    });
    expect(club.status).toBe(201);
    const base = `/api/v1/schools/${s.id}/events`;

    const first = await as(admin).post(`${base}/${trip.id}/staff`, { staffId: staff.id, role: 'lead' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ assignment: { eventId: trip.id, role: 'lead' }, clashes: [] });

    const session = club.body.sessions[0] as string;
    const second = await as(admin).post(`${base}/${club.body.id}/staff`, {
      staffId: staff.id,
      role: 'helper',
      sessionAt: session,
    });
    expect(second.status).toBe(200);
    expect(second.body.assignment).toMatchObject({
      eventId: club.body.id,
      role: 'helper',
      sessionAt: session,
    });
    expect(second.body.clashes).toEqual([expect.objectContaining({ eventId: trip.id, role: 'lead' })]);

    const schedule = await as(admin).get(`/api/v1/schools/${s.id}/staff/${staff.id}/schedule`);
    expect(schedule.status).toBe(200);
    expect(schedule.body.items.map((i: { eventId: string }) => i.eventId)).toEqual([trip.id, club.body.id]);
    expect(schedule.body.items[0].clashesWith).toEqual([club.body.id]);

    const mine = await as(
      await stack.token({ userId: teacher.user.identitySubject!, email: teacher.user.email }),
    ).get('/api/v1/me/schedule');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);

    const onTrip = await as(admin).get(`${base}/${trip.id}/staff`);
    expect(onTrip.body.items).toEqual([
      expect.objectContaining({ staffId: staff.id, staffName: 'Tess Teacher', clashesWith: [club.body.id] }),
    ]);
  });

  it('a register marks present and absent, and participation counts them', async () => {
    const { s, adminUser, admin } = await school();
    const trip = await stack.make.event(s, adminUser.id, 'published');
    const [ada, bea, cal] = [
      await stack.make.pupil(s, 'Ada', 'Aardvark', 5),
      await stack.make.pupil(s, 'Bea', 'Badger', 5),
      await stack.make.pupil(s, 'Cal', 'Coot', 5),
    ];
    const bookings = [
      await stack.make.booking(trip, ada, adminUser.id),
      await stack.make.booking(trip, bea, adminUser.id),
      await stack.make.booking(trip, cal, adminUser.id),
    ];
    const base = `/api/v1/schools/${s.id}/events/${trip.id}`;
    const before = await stack.make.auditCount({ action: 'event.register_taken' });

    const marked = await as(admin).put(`${base}/register`, {
      marks: [
        { bookingId: bookings[0], present: true },
        { bookingId: bookings[1], present: true },
        { bookingId: bookings[2], present: false },
      ],
    });
    expect(marked.status).toBe(200);
    expect(marked.body.lines).toEqual([
      expect.objectContaining({ forename: 'Ada', present: true, markedBy: adminUser.id }),
      expect.objectContaining({ forename: 'Bea', present: true }),
      expect.objectContaining({ forename: 'Cal', present: false }),
    ]);
    expect(await stack.make.auditCount({ action: 'event.register_taken' })).toBe(before + 1);

    const participation = await as(admin).get(`${base}/participation`);
    expect(participation.body).toMatchObject({
      booked: 3,
      attended: 2,
      registersTaken: 1,
      sessions: [{ booked: 3, attended: 2, absent: 1 }],
    });
    expect(participation.body.attendanceRate).toBeCloseTo(2 / 3);

    const club = await as(admin).put(`${base}/register`, {
      sessionAt: trip.startsAt.toISOString(),
      marks: [],
    });
    expect(club.status).toBe(400);
  });

  it('a parent or a teacher cannot assign or mark, and nothing is written', async () => {
    const { s, adminUser } = await school();
    const trip = await stack.make.event(s, adminUser.id, 'published');
    const booking = await stack.make.booking(
      trip,
      await stack.make.pupil(s, 'Dee', 'Dunlin', 5),
      adminUser.id,
    );
    const staff = await stack.make.staffMember(s, 'Nat', 'Notallowed');
    const teacher = await stack.make.member('teacher', { school: s });
    const parent = await stack.make.member('parent', { school: s });
    const base = `/api/v1/schools/${s.id}/events/${trip.id}`;
    for (const member of [teacher, parent]) {
      const token = await stack.token({
        userId: member.user.identitySubject!,
        email: member.user.email,
        mfa: member === teacher,
      });
      expect((await as(token).post(`${base}/staff`, { staffId: staff.id, role: 'lead' })).status).toBe(403);
      expect(
        (await as(token).put(`${base}/register`, { marks: [{ bookingId: booking, present: true }] })).status,
      ).toBe(403);
    }
    expect(await count('event_staff_assignments', trip.id)).toBe(0);
    expect(await count('event_register_marks', trip.id)).toBe(0);
  });
});
