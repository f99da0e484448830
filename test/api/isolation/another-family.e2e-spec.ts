import type { Pupil, School, Trust } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import { startApiStack, type ApiStack } from '../../support/api-stack';
import { family, inboxMessage, type Family } from '../../support/family-kit';
import {
  describeCall,
  documentOperations,
  isProblem,
  leaked,
  PUBLIC_OPERATIONS,
  roleMay,
  signedIn,
} from '../../support/isolation-kit';
import { bodyIdFields, requestFor, type Operation } from '../../support/openapi-walk';
import { fingerprintChanges, fingerprintSchools } from '../../support/school-fingerprint';

/**
 * Two families at the same school, each with a child, invitations, bookings (one held for payment), consent
 * answers, a parents' evening appointment and an inbox message. Every route in the OpenAPI document is walked as
 * parent A with family B's ids: nothing of B's shows, nothing changes. A route added later is walked without
 * editing this file.
 */
describe('isolation: every route, as one parent, with another family’s ids', () => {
  let stack: ApiStack;
  let trust: Trust;
  let school: School;
  let admin: string;
  let a: Family;
  let b: Family;
  let childA: Pupil;
  let childB: Pupil;
  /** Family B's ids for each path parameter (a second set for the held, priced booking). */
  let theirs: Record<string, string>;
  let theirHeld: Record<string, string>;
  let theirEvening: Record<string, string>;
  let sharedEveningId: string;
  /** A's own trip and evening (both children invited to each), with B's child and a free slot. */
  let ours: Record<string, string>;
  let ourEvening: Record<string, string>;
  let secrets: string[];
  let routes: Operation[];

  const as = (token: string) => ({
    get: (url: string) => stack.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      stack.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) =>
      stack.http().put(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const created = (response: { status: number; body: { id?: string } }, status = 201) => {
    expect([response.status, response.body]).toEqual([
      status,
      expect.objectContaining({ id: expect.any(String) }),
    ]);
    return response.body.id!;
  };

  /** A published trip for these children (priced when given a price), its id. */
  async function trip(children: Pupil[], priceP?: number): Promise<string> {
    const starts = Date.now() + 14 * 86_400_000;
    const id = created(
      await as(admin).post(`/api/v1/schools/${school.id}/events`, {
        kind: 'trip',
        title: `Trip ${randomUUID().slice(0, 6)}`,
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(starts + 3_600_000).toISOString(),
        capacity: 10,
        ...(priceP ? { priceP } : {}),
        eligibility: { pupilIds: children.map((c) => c.id) },
      }),
    );
    return id;
  }
  const publish = async (eventId: string) =>
    expect((await as(admin).post(`/api/v1/schools/${school.id}/events/${eventId}/publish`)).status).toBe(200);

  /** A published parents' evening for these children with one teacher, 16:00 to 17:00: its id and slots. */
  async function evening(children: Pupil[], staffId: string) {
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const id = created(
      await as(admin).post(`/api/v1/schools/${school.id}/parents-evenings`, {
        title: `Evening ${randomUUID().slice(0, 6)}`,
        slotMinutes: 10,
        mode: 'in_person',
        eligibility: { pupilIds: children.map((c) => c.id) },
        teachers: [{ staffId, windows: [{ from: `${day}T16:00:00.000Z`, to: `${day}T17:00:00.000Z` }] }],
      }),
    );
    await publish(id);
    const grid = await as(admin).get(`/api/v1/schools/${school.id}/parents-evenings/${id}`);
    return { id, slots: (grid.body.slots as Array<{ id: string }>).map((s) => s.id) };
  }

  /** Family B holds the slot for their child and confirms it: the appointment's id. */
  async function appointment(eventId: string, slotId: string): Promise<string> {
    const held = created(
      await as(b.token).post(`/api/v1/me/parents-evenings/${eventId}/holds`, { pupilId: childB.id, slotId }),
    );
    expect((await as(b.token).post(`/api/v1/me/parents-evenings/${eventId}/confirm`)).status).toBe(200);
    return held;
  }

  beforeAll(async () => {
    stack = await startApiStack();
    trust = await stack.make.trust();
    school = await stack.make.school(trust);
    await stack.make.communicationSettings(school, { quietHours: null });
    const staff = await stack.make.member('school_admin', { school });
    admin = await signedIn(
      stack,
      await stack.token({ userId: staff.user.identitySubject!, email: staff.user.email }),
    );
    const tag = randomUUID().slice(0, 6);
    childA = await stack.make.pupil(school, `Alfa${tag}`, `Ayes${tag}`, 5);
    childB = await stack.make.pupil(school, `Bravo${tag}`, `Bees${tag}`, 5);
    a = await family(stack, school, [childA], { forename: 'Ann', surname: `Ayes${tag}` });
    b = await family(stack, school, [childB], { forename: `Bea${tag}`, surname: `Bparent${tag}` });
    const teacher = await stack.make.staffMember(school, 'Tess', `Teacher${tag}`);

    // A trip both children are invited to, which B books.
    const shared = await trip([childA, childB]);
    await publish(shared);
    const sharedBooking = created(
      await as(b.token).post('/api/v1/me/bookings', { eventId: shared, pupilId: childB.id }),
    );
    // A trip only B's child is invited to, with a consent form B answers.
    const theirTrip = await trip([childB]);
    const questionId = v7();
    expect(
      (
        await as(admin).put(`/api/v1/schools/${school.id}/events/${theirTrip}/consent-form`, {
          questions: [{ id: questionId, kind: 'yes_no', label: 'May they swim?', required: true }],
        })
      ).status,
    ).toBe(200);
    await publish(theirTrip);
    const bookingId = created(
      await as(b.token).post('/api/v1/me/bookings', { eventId: theirTrip, pupilId: childB.id }),
    );
    expect(
      (
        await as(b.token).put(`/api/v1/me/bookings/${bookingId}/consent`, {
          answers: [{ questionId, value: true }],
        })
      ).status,
    ).toBe(200);
    // A priced trip for B's child, held until B pays.
    const priced = await trip([childB], 1500);
    await publish(priced);
    const held = await as(b.token).post('/api/v1/me/bookings', { eventId: priced, pupilId: childB.id });
    expect([held.status, held.body.state]).toEqual([201, 'held']);
    // A parents' evening for B's child only, and one for both: B has an appointment at each.
    const theirs_ = await evening([childB], teacher.id);
    const appointmentId = await appointment(theirs_.id, theirs_.slots[0]!);
    const both = await evening([childA, childB], teacher.id);
    sharedEveningId = both.id;
    const sharedAppointment = await appointment(both.id, both.slots[1]!);
    const messageTitle = `For Bea ${tag}`;
    const deliveryId = await inboxMessage(stack, school, b, childB, messageTitle);
    const run = await stack.make.syncRun(school);
    const upload = await stack.make.directoryImport(school, staff.user.id);

    theirs = {
      schoolId: school.id,
      trustId: trust.id,
      membershipId: b.membershipId,
      pupilId: childB.id,
      contactId: b.contactId,
      eventId: theirTrip,
      bookingId,
      messageId: deliveryId,
      staffId: teacher.id,
      runId: run.id,
      importId: upload.id,
      appointmentId,
      slotId: theirs_.slots[2]!,
    };
    theirHeld = { ...theirs, eventId: priced, bookingId: held.body.id };
    theirEvening = { ...theirs, eventId: theirs_.id };
    ours = { ...theirs, eventId: shared };
    ourEvening = { ...theirs, eventId: both.id, slotId: both.slots[3]! };
    secrets = [
      childB.preferredForename,
      childB.preferredSurname,
      `Bea${tag}`,
      `Bparent${tag}`,
      b.email,
      messageTitle,
      childB.id,
      b.contactId,
      b.userId,
      b.membershipId,
      bookingId,
      held.body.id,
      sharedBooking,
      appointmentId,
      sharedAppointment,
      deliveryId,
    ];
    routes = await documentOperations(stack);
  });
  afterAll(() => stack.close());

  it('gives family B what the walk uses: their children, invitations, bookings, evenings and inbox', async () => {
    const me = as(b.token);
    expect((await me.get('/api/v1/me/children')).body.items.map((c: { id: string }) => c.id)).toEqual([
      childB.id,
    ]);
    expect((await me.get('/api/v1/me/messages')).body.items.map((m: { id: string }) => m.id)).toEqual([
      theirs.messageId!,
    ]);
    expect((await me.get(`/api/v1/me/bookings/${theirHeld.bookingId}/payments`)).status).toBe(200);
    expect((await me.get(`/api/v1/me/parents-evenings/${theirEvening.eventId}`)).status).toBe(200);
    const invited = JSON.stringify((await me.get('/api/v1/me/invitations')).body);
    expect([theirs.eventId, theirHeld.eventId].filter((id) => !invited.includes(id!))).toEqual([]);
  });

  /** Family B's things are not found (404) on parents' routes; staff routes are refused (403) to a parent. */
  function expected(op: Operation): number {
    if (!roleMay('parent', op)) {
      return 403;
    }
    return op.pathParams.length > 0 || op.method !== 'get' ? 404 : 200;
  }

  /**
   * Family B's ids (each of their bookings where a booking or event is named); and where the body names things by
   * id, A's own trip or evening (both children are invited) in the path with B's child and slot in the body.
   */
  function variantsOf(op: Operation): Array<Record<string, string>> {
    const evening = op.path.includes('/parents-evenings/');
    const fields = bodyIdFields(op);
    const variants = evening
      ? [theirEvening]
      : op.pathParams.includes('bookingId') || fields.includes('eventId')
        ? [theirs, theirHeld]
        : [theirs];
    if (fields.length && roleMay('parent', op)) {
      variants.push(evening ? ourEvening : ours);
    }
    return variants;
  }

  it('answers 404 (403 on staff routes), shows nothing of family B and changes nothing', async () => {
    const tenants = { schoolIds: [school.id], trustIds: [trust.id] };
    const before = await fingerprintSchools(stack.orm, tenants);
    const auditBefore = await stack.make.auditCount({ schoolId: school.id as never });
    const walked = new Set<string>();
    const failures: string[] = [];
    for (const op of routes.filter((o) => o.authenticated)) {
      const variants = variantsOf(op);
      for (const params of variants) {
        const response = await requestFor(stack.http(), op, params, { bodyIds: params }).set(
          'authorization',
          `Bearer ${a.token}`,
        );
        walked.add(op.operationId);
        const want = expected(op);
        const shown = leaked(response, secrets);
        const problem = response.status < 400 || isProblem(response);
        if (response.status !== want || shown.length || !problem) {
          const extra = `${shown.length ? ` (leaked ${shown.join(', ')})` : ''}${problem ? '' : ' (not problem+json)'}`;
          failures.push(describeCall('parent A', op, response, want, extra));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fingerprintChanges(before, await fingerprintSchools(stack.orm, tenants))).toEqual([]);
    expect(await stack.make.auditCount({ schoolId: school.id as never })).toBe(auditBefore);
    const everyRoute = routes.filter((op) => !PUBLIC_OPERATIONS.includes(op.operationId));
    expect([...walked].sort()).toEqual(everyRoute.map((op) => op.operationId).sort());
  }, 60_000);

  it('shows parent A the evening both are invited to without family B’s appointment, child or name', async () => {
    const response = await as(a.token).get(`/api/v1/me/parents-evenings/${sharedEveningId}`);
    expect(response.status).toBe(200);
    expect(leaked(response, secrets)).toEqual([]);
    expect(JSON.stringify(response.body)).toContain(childA.id);
  });
});
