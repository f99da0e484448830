import { ROLE_PERMISSIONS, UNIVERSAL_PERMISSIONS, type Permission, type Role } from '@rowan/access';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { operations, requestFor, SAMPLE_BODIES, type Operation } from '../support/openapi-walk';

/**
 * Walks every route in the OpenAPI document with another school's (and trust's) ids. A new route is covered
 * automatically; one without a sample body fails here until it has one.
 */
describe('tenant isolation: every route, with a foreign school’s ids', () => {
  let stack: ApiStack;
  let foreign: Record<string, string>;
  /** Parents' evening routes get the foreign evening itself, whose appointment `appointmentId` is. */
  let foreignEvening: Record<string, string>;
  let foreignNames: string[];
  let routes: Operation[];
  const actors: Array<{ role: Role; token: string }> = [];

  beforeAll(async () => {
    stack = await startApiStack();
    const trustA = await stack.make.trust();
    const schoolA = await stack.make.school(trustA);
    const trustB = await stack.make.trust();
    const schoolB = await stack.make.school(trustB);
    const memberB = await stack.make.member('teacher', { school: schoolB });
    const pupilB = await stack.make.pupil(schoolB, 'Zebedee', 'Foreignpupil');
    const runB = await stack.make.syncRun(schoolB);
    const contactB = await stack.make.contact(schoolB, 'Xanthe', 'Foreigncontact');
    await stack.make.link(pupilB, contactB);
    const uploadB = await stack.make.directoryImport(schoolB, memberB.user.id);
    const messageB = await stack.make.message(schoolB, memberB.user.id);
    const eventB = await stack.make.event(schoolB, memberB.user.id, 'published');
    const bookingB = await stack.make.booking(eventB, pupilB, memberB.user.id);
    const staffB = await stack.make.staffMember(schoolB, 'Yolanda', 'Foreignstaff');
    const eveningB = await stack.make.eveningAppointment(schoolB, pupilB, staffB.id, memberB.user.id);
    foreign = {
      schoolId: schoolB.id,
      trustId: trustB.id,
      membershipId: memberB.membership.id,
      pupilId: pupilB.id,
      runId: runB.id,
      contactId: contactB.id,
      importId: uploadB.id,
      messageId: messageB.id,
      eventId: eventB.id,
      bookingId: bookingB,
      staffId: staffB.id,
      appointmentId: eveningB.appointmentId,
    };
    foreignEvening = { ...foreign, eventId: eveningB.eventId };
    foreignNames = [schoolB.name, trustB.name, memberB.user.email, 'Foreignpupil', eventB.title];
    for (const [role, where] of [
      ['school_admin', { school: schoolA }],
      ['office', { school: schoolA }],
      ['teacher', { school: schoolA }],
      ['trust_admin', { trust: trustA }],
    ] as const) {
      const { user } = await stack.make.member(role, where);
      actors.push({ role, token: await stack.token({ userId: user.identitySubject!, email: user.email }) });
    }
    const doc = await stack.http().get('/api/openapi.json');
    routes = operations(doc.body).filter((op) => op.pathParams.length > 0);
  });
  afterAll(() => stack.close());

  it('has routes to walk, each with a sample body where it takes one', () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const op of routes.filter((o) => o.hasBody)) {
      expect(SAMPLE_BODIES[op.operationId]).toBeDefined();
    }
  });

  it('answers 404 (or 403 where the role has no such permission at all) and changes nothing', async () => {
    const auditBefore = await stack.make.auditCount({ trustId: foreign.trustId as never });
    const failures: string[] = [];
    for (const op of routes) {
      for (const actor of actors) {
        const params = op.path.includes('/parents-evenings/') ? foreignEvening : foreign;
        const response = await requestFor(stack.http(), op, params).set(
          'authorization',
          `Bearer ${actor.token}`,
        );
        const permission = op.permission as Permission;
        const allowedSomewhere =
          UNIVERSAL_PERMISSIONS.includes(permission) || ROLE_PERMISSIONS[actor.role].includes(permission);
        const expected = allowedSomewhere ? 404 : 403;
        const leaked = foreignNames.some((name) => JSON.stringify(response.body).includes(name));
        if (response.status !== expected || leaked) {
          failures.push(
            `${actor.role} ${op.method.toUpperCase()} ${op.path}: ${response.status}${leaked ? ' (leaked data)' : ''}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await stack.make.auditCount({ trustId: foreign.trustId as never })).toBe(auditBefore);
  }, 60_000);

  it('lists only the caller’s own trusts', async () => {
    const trustAdmin = actors.find((a) => a.role === 'trust_admin')!;
    const response = await stack
      .http()
      .get('/api/v1/trusts')
      .set('authorization', `Bearer ${trustAdmin.token}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((t: { id: string }) => t.id)).not.toContain(foreign.trustId);
    expect(response.body.items).toHaveLength(1);
  });
});
