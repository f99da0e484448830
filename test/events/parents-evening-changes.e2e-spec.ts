import { MikroORM } from '@mikro-orm/core';
import { getQueueToken } from '@nestjs/bullmq';
import { jobIds, QUEUES } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ExpireEveningHoldUseCase } from '@rowan/events';
import { FixedClock } from '@rowan/kernel';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { parentsEveningKit } from '../support/parents-evening-kit';

const MINUTE = 60_000;

/**
 * Parents' evenings, changing course: holds the parent never confirms are released by a job on the `events` queue
 * (the worker under a clock the test moves), retries with an Idempotency-Key get the first answer, parents cancel
 * their own appointments until the cut-off and staff cancel for them, and separated parents book separately only
 * where the school allows it.
 */
describe('events: parents’ evenings, holds expiring, retries, cancellations and separated parents', () => {
  const clock = new FixedClock(new Date());
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    messaging = await startMessagingStack(clock);
    ({ stack, worker } = messaging);
    queue = stack.app.get<Queue>(getQueueToken(QUEUES.events), { strict: false });
  });
  afterAll(() => messaging?.close());
  afterEach(() => clock.set(new Date()));

  const { as, sql, at, school, teacher, parent, evening, grid, slotOf, hold, appointmentCount } =
    parentsEveningKit(() => stack);

  /** One Year 5 child seeing one teacher (or two) at a published evening. */
  async function setting(options: { teachers?: number; separateBookings?: boolean } = {}) {
    const { school: s, staff } = await school();
    const child = await stack.make.pupil(s, 'Ada', 'Lovelace', 5);
    const group = await stack.make.group(s, '5L', 'teaching', [child]);
    const teachers: string[] = [];
    for (let i = 0; i < (options.teachers ?? 1); i++) {
      teachers.push(await teacher(s, `Teacher${i}`));
    }
    const eventId = await evening(
      staff,
      s,
      teachers.map((staffId) => ({ staffId, groupIds: [group.id] })),
      options.separateBookings === undefined ? {} : { separateBookings: options.separateBookings },
    );
    return { s, staff, child, teachers, eventId };
  }

  const holdJob = async (appointmentId: string, holdExpiresAt: string, attempt: number) =>
    queue.getJob(jobIds.expireHold(appointmentId, Date.parse(holdExpiresAt), attempt));
  const finished = (job: Job) =>
    eventually(async () => {
      const state = await queue.getJobState(job.id!);
      return state === 'completed' ? (await queue.getJob(job.id!))!.returnvalue : undefined;
    });
  const teacherList = async (staff: string, schoolId: string, eventId: string, staffId: string) =>
    (
      await as(staff).get(
        `/api/v1/schools/${schoolId}/parents-evenings/${eventId}/appointments?staffId=${staffId}`,
      )
    ).body.items as Array<{ id: string; pupilName: string; state: string }>;

  const cancelMine = (token: string, eventId: string, appointmentId: string) =>
    as(token).post(`/api/v1/me/parents-evenings/${eventId}/appointments/${appointmentId}/cancel`);
  const cancelForParent = (token: string, schoolId: string, eventId: string, appointmentId: string) =>
    as(token).post(
      `/api/v1/schools/${schoolId}/parents-evenings/${eventId}/appointments/${appointmentId}/cancel`,
    );

  describe('hold expiry', () => {
    it('releases a hold nobody confirms when its job comes due, with nobody reading, and only then', async () => {
      const { s, staff, child, teachers, eventId } = await setting();
      const mum = await parent(s, [child]);
      const held = await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[0]!, '16:00'));
      expect(held.status).toBe(201);
      const expiresAt = Date.parse(held.body.holdExpiresAt as string);
      expect(expiresAt - Date.now()).toBeGreaterThan(9 * MINUTE);

      const job = await holdJob(held.body.id, held.body.holdExpiresAt, 0);
      expect(job).toBeDefined();
      expect(job!.data).toEqual({ eventId, appointmentId: held.body.id, attempt: 0 });
      expect(await job!.getState()).toBe('delayed');
      expect(job!.delay).toBeGreaterThan(9 * MINUTE);

      // Run early (the worker's clock says nine minutes): the hold stays, and the job checks again later.
      clock.set(new Date(expiresAt - MINUTE));
      await job!.promote();
      expect(await finished(job!)).toEqual({ status: 'not_due' });
      expect(await appointmentCount(eventId)).toBe(1);
      const recheck = await holdJob(held.body.id, held.body.holdExpiresAt, 1);
      expect(await recheck!.getState()).toBe('delayed');

      // Past the expiry: the slot is free again before anyone reads the evening.
      const audits = await stack.make.auditCount({ action: 'appointment.hold_expired' });
      clock.set(new Date(expiresAt + MINUTE));
      await recheck!.promote();
      expect(await finished(recheck!)).toEqual({ status: 'released' });
      expect(await appointmentCount(eventId)).toBe(0);
      expect(await stack.make.auditCount({ action: 'appointment.hold_expired' })).toBe(audits + 1);

      // Again (a duplicate delivery): nothing to do, nothing audited.
      const again = await inJobContext(worker.get(MikroORM), 'expire-hold-again', () =>
        worker.get(ExpireEveningHoldUseCase).execute({ eventId, appointmentId: held.body.id, attempt: 2 }),
      );
      expect(again).toEqual({ status: 'nothing_to_do' });
      expect(await stack.make.auditCount({ action: 'appointment.hold_expired' })).toBe(audits + 1);
      const slot = (await grid(staff, s, eventId)).find((x) => x.id === held.body.slotId)!;
      expect(slot.appointment).toBeNull();
      const dad = await parent(s, [child]);
      expect((await hold(dad, eventId, child.id, held.body.slotId)).status).toBe(201);
    });

    it('leaves a hold confirmed in time alone when its job comes due', async () => {
      const { s, staff, child, teachers, eventId } = await setting();
      const mum = await parent(s, [child]);
      const held = await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[0]!, '16:10'));
      expect((await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`)).status).toBe(200);
      clock.set(new Date(Date.parse(held.body.holdExpiresAt) + MINUTE));
      const job = await holdJob(held.body.id, held.body.holdExpiresAt, 0);
      await job!.promote();
      expect(await finished(job!)).toEqual({ status: 'nothing_to_do' });
      expect((await teacherList(staff, s.id, eventId, teachers[0]!)).map((a) => a.state)).toEqual([
        'confirmed',
      ]);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays a hold for the same key, refuses the key for another slot, and holds once when retries race', async () => {
      const { s, staff, child, teachers, eventId } = await setting({ teachers: 2 });
      const mum = await parent(s, [child]);
      const [first, second] = [
        await slotOf(staff, s, eventId, teachers[0]!, '16:00'),
        await slotOf(staff, s, eventId, teachers[1]!, '16:20'),
      ];
      const malformed = await hold(mum, eventId, child.id, 'not-a-slot', 'hold-key-1');
      expect(malformed.status).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['slotId']);
      expect(await appointmentCount(eventId)).toBe(0);

      // The key refused with the bad body was never used: it holds the slot now.
      const held = await hold(mum, eventId, child.id, first, 'hold-key-1');
      const again = await hold(mum, eventId, child.id, first, 'hold-key-1');
      expect([held.status, again.status]).toEqual([201, 201]);
      expect(again.body).toEqual(held.body);
      expect(await appointmentCount(eventId)).toBe(1);

      const reused = await hold(mum, eventId, child.id, second, 'hold-key-1');
      expect(reused.status).toBe(409);
      expect(reused.headers['content-type']).toContain('application/problem+json');
      expect(reused.body.code).toBe('EVENTS.IDEMPOTENCY_KEY_REUSED');
      expect(await appointmentCount(eventId)).toBe(1);

      const raced = await Promise.all([
        hold(mum, eventId, child.id, second, 'hold-key-2'),
        hold(mum, eventId, child.id, second, 'hold-key-2'),
      ]);
      expect(raced.map((r) => r.status)).toEqual([201, 201]);
      expect(raced[1]!.body).toEqual(raced[0]!.body);
      expect(await appointmentCount(eventId)).toBe(2);

      const confirm = () =>
        as(mum).post(
          `/api/v1/me/parents-evenings/${eventId}/confirm`,
          {},
          { 'idempotency-key': 'confirm-1' },
        );
      const confirmed = await confirm();
      const reconfirmed = await confirm();
      expect([confirmed.status, reconfirmed.status]).toEqual([200, 200]);
      expect(reconfirmed.body).toEqual(confirmed.body);
      expect(confirmed.body.items.map((a: { state: string }) => a.state)).toEqual(['confirmed', 'confirmed']);
    });

    it('replays book for me for the same key and body, and refuses a bad key without booking', async () => {
      const { s, child, eventId } = await setting({ teachers: 2 });
      const mum = await parent(s, [child]);
      const window = { from: at('16:00'), to: at('17:00'), gapMinutes: 0 };
      const bookForMe = (body: object, key: string) =>
        as(mum).post(`/api/v1/me/parents-evenings/${eventId}/book-for-me`, body, { 'idempotency-key': key });

      const bad = await bookForMe(window, 'a key with spaces');
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.body.errors).toEqual([
        { field: 'Idempotency-Key', message: 'must be 1 to 100 visible ASCII characters' },
      ]);
      expect(await appointmentCount(eventId)).toBe(0);

      const booked = await bookForMe(window, 'bfm-1');
      const replayed = await bookForMe(window, 'bfm-1');
      expect(booked.body.status).toBe('booked');
      expect(booked.body.appointments).toHaveLength(2);
      expect(replayed.body).toEqual(booked.body);
      expect(await appointmentCount(eventId)).toBe(2);
      const other = await bookForMe({ ...window, gapMinutes: 5 }, 'bfm-1');
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('EVENTS.IDEMPOTENCY_KEY_REUSED');
      expect(await appointmentCount(eventId)).toBe(2);
    });
  });

  describe('cancelling', () => {
    it('lets a parent cancel their own booked slot: it is free again and leaves the teacher’s list', async () => {
      const { s, staff, child, teachers, eventId } = await setting();
      const mum = await parent(s, [child]);
      const slotId = await slotOf(staff, s, eventId, teachers[0]!, '16:00');
      const held = await hold(mum, eventId, child.id, slotId);
      await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`);
      expect((await teacherList(staff, s.id, eventId, teachers[0]!)).map((a) => a.pupilName)).toEqual([
        'Ada Lovelace',
      ]);

      // Nobody else may: another family, the other parent, a staff member of another school.
      const stranger = await parent(s, [await stack.make.pupil(s, 'Bea', 'Other', 5)]);
      const dad = await parent(s, [child]);
      const elsewhere = await school();
      const audits = await stack.make.auditCount({ action: 'appointment.cancelled' });
      for (const attempt of [
        await cancelMine(stranger, eventId, held.body.id),
        await cancelMine(dad, eventId, held.body.id),
        await cancelForParent(elsewhere.staff, elsewhere.school.id, eventId, held.body.id),
        await cancelForParent(elsewhere.staff, s.id, eventId, held.body.id),
      ]) {
        expect(attempt.status).toBe(404);
        expect(attempt.headers['content-type']).toContain('application/problem+json');
      }
      const badId = await cancelMine(mum, eventId, 'not-an-id');
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([{ field: 'appointmentId', message: 'must be a UUID' }]);
      expect(await appointmentCount(eventId)).toBe(1);
      expect(await stack.make.auditCount({ action: 'appointment.cancelled' })).toBe(audits);

      const cancelled = await cancelMine(mum, eventId, held.body.id);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id: held.body.id, state: 'cancelled', slotId });
      expect(await teacherList(staff, s.id, eventId, teachers[0]!)).toEqual([]);
      expect((await grid(staff, s, eventId)).find((x) => x.id === slotId)!.appointment).toBeNull();
      expect(await stack.make.auditCount({ action: 'appointment.cancelled' })).toBe(audits + 1);
      expect((await cancelMine(mum, eventId, held.body.id)).status).toBe(404);
      const mine = await as(mum).get(`/api/v1/me/parents-evenings/${eventId}`);
      expect(mine.body.appointments).toEqual([]);
      expect(mine.body.freeSlots.map((x: { id: string }) => x.id)).toContain(slotId);
      expect((await hold(stranger, eventId, child.id, slotId)).status).toBe(404);
      expect((await hold(dad, eventId, child.id, slotId)).status).toBe(201);
    });

    it('calling the evening off lets every held and booked slot go, and the event shows cancelled', async () => {
      const { s, staff, child, teachers, eventId } = await setting({ teachers: 2 });
      const mum = await parent(s, [child]);
      await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[0]!, '16:00'));
      await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`);
      await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[1]!, '16:10'));
      expect(await appointmentCount(eventId)).toBe(2);

      const off = await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/cancel`);
      expect(off.status).toBe(200);
      expect(off.body.status).toBe('cancelled');
      expect(await appointmentCount(eventId)).toBe(0);
      expect(await teacherList(staff, s.id, eventId, teachers[0]!)).toEqual([]);
      expect(
        (await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[0]!, '16:20'))).status,
      ).toBe(409);
    });

    it('stops parents cancelling after the cut-off, while staff can still cancel for them', async () => {
      const { s, staff, child, teachers, eventId } = await setting();
      const mum = await parent(s, [child]);
      const held = await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, teachers[0]!, '16:20'));
      await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`);
      await sql('update events set booking_cutoff = ? where id = ?', [
        new Date(Date.now() - MINUTE),
        eventId,
      ]);

      const late = await cancelMine(mum, eventId, held.body.id);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('EVENTS.BOOKING_CLOSED');
      expect(await appointmentCount(eventId)).toBe(1);

      const told = () =>
        sql('select status, content from messages where idempotency_key = ?', [
          `appointment-cancelled-${held.body.id}`,
        ]) as Promise<Array<{ status: string; content: string | { app: { body: string } } }>>;
      expect(await told()).toEqual([]);

      const byStaff = await cancelForParent(staff, s.id, eventId, held.body.id);
      expect(byStaff.status).toBe(200);
      expect(byStaff.body.state).toBe('cancelled');
      expect(await teacherList(staff, s.id, eventId, teachers[0]!)).toEqual([]);
      expect(await appointmentCount(eventId)).toBe(0);
      // The family hears of it by a tracked message naming the teacher.
      const [message] = await told();
      const content = typeof message!.content === 'string' ? JSON.parse(message!.content) : message!.content;
      expect(content.app.body).toContain('Teacher0');
      expect(content.app.body).toContain('has cancelled');
    });
  });

  describe('separated parents', () => {
    it('where the school allows it, each guardian with parental responsibility books their own slot', async () => {
      const { s, staff, child, teachers, eventId } = await setting({ separateBookings: true });
      const [mum, dad] = [await parent(s, [child]), await parent(s, [child])];
      const gran = await parent(s, [child], { responsibility: false });
      const uncle = await parent(s, [child], { responsibility: false });
      const t = teachers[0]!;
      expect((await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, t, '16:00'))).status).toBe(
        201,
      );
      expect((await hold(dad, eventId, child.id, await slotOf(staff, s, eventId, t, '16:10'))).status).toBe(
        201,
      );
      const twice = await hold(dad, eventId, child.id, await slotOf(staff, s, eventId, t, '16:50'));
      expect(twice.body.code).toBe('EVENTS.ALREADY_BOOKED_TEACHER');
      // Without parental responsibility, the family's one shared booking.
      expect((await hold(gran, eventId, child.id, await slotOf(staff, s, eventId, t, '16:20'))).status).toBe(
        201,
      );
      const shared = await hold(uncle, eventId, child.id, await slotOf(staff, s, eventId, t, '16:40'));
      expect(shared.status).toBe(409);
      expect(shared.body.code).toBe('EVENTS.ALREADY_BOOKED_TEACHER');
      expect(await teacherList(staff, s.id, eventId, t)).toHaveLength(3);

      // Each sees only their own.
      const dads = (await as(dad).get(`/api/v1/me/parents-evenings/${eventId}`)).body;
      expect(dads.appointments.map((a: { startsAt: string }) => a.startsAt)).toEqual([at('16:10')]);
      expect(dads.bookedByOthers).toEqual([]);
    });

    it('where it does not, one booking per teacher per child across guardians, and book for me fits the rest', async () => {
      const { s, staff, child, teachers, eventId } = await setting({ teachers: 2, separateBookings: false });
      const [mum, dad] = [await parent(s, [child]), await parent(s, [child])];
      const [t1, t2] = [teachers[0]!, teachers[1]!];
      const held = await hold(mum, eventId, child.id, await slotOf(staff, s, eventId, t1, '16:00'));
      await as(mum).post(`/api/v1/me/parents-evenings/${eventId}/confirm`);

      const dads = (await as(dad).get(`/api/v1/me/parents-evenings/${eventId}`)).body;
      expect(dads.appointments).toEqual([]);
      expect(dads.bookedByOthers).toEqual([
        { pupilId: child.id, staffId: t1, state: 'confirmed', startsAt: at('16:00'), endsAt: at('16:10') },
      ]);
      const second = await hold(dad, eventId, child.id, await slotOf(staff, s, eventId, t1, '16:20'));
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('EVENTS.ALREADY_BOOKED_TEACHER');
      expect((await cancelMine(dad, eventId, held.body.id)).status).toBe(404);

      const booked = await as(dad).post(`/api/v1/me/parents-evenings/${eventId}/book-for-me`, {
        from: at('16:00'),
        to: at('17:00'),
        gapMinutes: 0,
      });
      expect(booked.status).toBe(200);
      expect(booked.body.status).toBe('booked');
      expect(booked.body.appointments.map((a: { staffId: string }) => a.staffId)).toEqual([t2]);
      expect(await appointmentCount(eventId)).toBe(2);
      expect(await teacherList(staff, s.id, eventId, t1)).toHaveLength(1);
    });
  });
});
