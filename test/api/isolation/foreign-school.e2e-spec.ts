import { v7 } from 'uuid';
import { startApiStack, type ApiStack } from '../../support/api-stack';
import {
  describeCall,
  documentOperations,
  isProblem,
  leaked,
  oneOfEachRole,
  paramsFor,
  PUBLIC_OPERATIONS,
  roleMay,
  schoolWorld,
  type Caller,
  type SchoolWorld,
} from '../../support/isolation-kit';
import { bodyIdFields, requestFor, SAMPLE_BODIES, type Operation } from '../../support/openapi-walk';
import { baseTables, fingerprintChanges, fingerprintSchools } from '../../support/school-fingerprint';

/**
 * Walks every route in the OpenAPI document, as every role of one school, with another school's (and trust's)
 * ids wherever an id travels: the path, or the body of a route without one. A route added later is walked
 * without editing this file; one the walk cannot call (a path parameter it has no id for, a body without a
 * sample) fails here.
 */
describe('isolation: every route, as every role, with another school’s ids', () => {
  let stack: ApiStack;
  let own: SchoolWorld;
  let foreign: SchoolWorld;
  let callers: Caller[];
  let routes: Operation[];

  beforeAll(async () => {
    stack = await startApiStack();
    own = await schoolWorld(stack, 'Own');
    foreign = await schoolWorld(stack, 'Foreign');
    callers = await oneOfEachRole(stack, own);
    routes = await documentOperations(stack);
  });
  afterAll(() => stack.close());

  const tenants = () => ({
    schoolIds: [own.school.id, foreign.school.id],
    trustIds: [own.trust.id, foreign.trust.id],
  });

  /**
   * Another school's object is not found (404) by anyone who may do this somewhere (403 for a role that may not
   * at all). A route without path parameters reads the caller's own things (200) or, taking its ids in the body,
   * finds none of another school's (404).
   */
  function expected(op: Operation, caller: Caller): number {
    if (!roleMay(caller.role, op)) {
      return 403;
    }
    if (op.pathParams.length > 0 || op.method !== 'get') {
      return 404;
    }
    return 200;
  }

  /**
   * Another school's ids everywhere. And, for a route whose body names things by id, the caller's own school in
   * the path with the other school's ids in the body (its pupil, its teacher, its slot): refused exactly as ids
   * that exist nowhere are (same status and code), so the answer tells nothing about the other school.
   */
  function attempts(op: Operation, caller: Caller) {
    const theirs = paramsFor(op, foreign);
    const list: Array<{ path: Record<string, string>; body: Record<string, string>; asIfNowhere?: true }> = [
      { path: theirs, body: theirs },
    ];
    if (op.pathParams.length && bodyIdFields(op).length && roleMay(caller.role, op)) {
      list.push({ path: paramsFor(op, own), body: theirs, asIfNowhere: true });
    }
    return list;
  }
  const nowhere = (op: Operation) => Object.fromEntries(bodyIdFields(op).map((field) => [field, v7()]));

  it('public routes are exactly the document’s unauthenticated ones; every other route declares a permission', () => {
    const open = routes.filter((op) => !op.authenticated).map((op) => op.operationId);
    expect(open.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    const undeclared = routes.filter((op) => !op.permission && !PUBLIC_OPERATIONS.includes(op.operationId));
    expect(undeclared.map((op) => op.operationId)).toEqual([]);
    for (const op of routes.filter((o) => o.hasBody)) {
      expect([op.operationId, SAMPLE_BODIES[op.operationId] !== undefined]).toEqual([op.operationId, true]);
    }
  });

  it('answers 404 (403 where the role may not at all), shows nothing of the other school and changes nothing', async () => {
    const before = await fingerprintSchools(stack.orm, tenants());
    const auditBefore = await stack.make.auditCount({ trustId: foreign.trust.id });
    const secrets = [...foreign.names, ...Object.values(foreign.ids), ...Object.values(foreign.eveningIds)];
    const walked = new Set<string>();
    const failures: string[] = [];
    for (const op of routes.filter((o) => o.authenticated)) {
      for (const caller of callers) {
        for (const attempt of attempts(op, caller)) {
          const call = (body: Record<string, string>) =>
            requestFor(stack.http(), op, attempt.path, { bodyIds: body }).set(
              'authorization',
              `Bearer ${caller.token}`,
            );
          const baseline = attempt.asIfNowhere ? await call(nowhere(op)) : undefined;
          const response = await call(attempt.body);
          walked.add(op.operationId);
          const want = baseline ? baseline.status : expected(op, caller);
          const shown = leaked(response, secrets);
          const problem = response.status < 400 || isProblem(response);
          const sameCode = !baseline || (response.body.code === baseline.body.code && baseline.status >= 400);
          if (response.status !== want || shown.length || !problem || !sameCode) {
            const extra = `${baseline ? ` (own path, their ids in the body; nowhere ids: ${baseline.body.code})` : ''}${
              shown.length ? ` (leaked ${shown.join(', ')})` : ''
            }${problem ? '' : ' (not problem+json)'}`;
            failures.push(describeCall(caller.role, op, response, want, extra));
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fingerprintChanges(before, await fingerprintSchools(stack.orm, tenants()))).toEqual([]);
    expect(await stack.make.auditCount({ trustId: foreign.trust.id })).toBe(auditBefore);
    const everyRoute = routes.filter((op) => !PUBLIC_OPERATIONS.includes(op.operationId));
    expect([...walked].sort()).toEqual(everyRoute.map((op) => op.operationId).sort());
  }, 60_000);

  it('fingerprints a school’s rows in every table that names it, so any change shows', async () => {
    const world = await schoolWorld(stack, 'Printed');
    const ids = { schoolIds: [world.school.id], trustIds: [world.trust.id] };
    const before = await fingerprintSchools(stack.orm, ids);
    const naming = (await baseTables(stack.orm))
      .filter(
        (t) => ['schools', 'trusts'].includes(t.name) || t.columns.some((c) => /^(school|trust)_id$/.test(c)),
      )
      .map((t) => t.name);
    expect(Object.keys(before).sort()).toEqual(naming.sort());
    expect(naming.length).toBeGreaterThan(30);
    for (const table of [
      'schools',
      'trusts',
      'pupils',
      'contacts',
      'events',
      'event_bookings',
      'memberships',
    ]) {
      expect([table, before[table]?.rows]).toEqual([table, expect.any(Number)]);
      expect(before[table]!.rows).toBeGreaterThan(0);
    }
    const sql = (query: string, params: unknown[]) =>
      stack.orm.em.fork().getConnection().execute(query, params);
    await sql('update pupils set preferred_forename = ? where id = ?', ['Renamed', world.ids.pupilId]);
    await sql('update event_bookings set updated_at = updated_at + interval 1 second where id = ?', [
      world.ids.bookingId,
    ]);
    const after = await fingerprintSchools(stack.orm, ids);
    expect(fingerprintChanges(before, after).map((c) => c.table)).toEqual(['event_bookings', 'pupils']);
    expect(after.pupils!.rows).toBe(before.pupils!.rows);
  });

  it('would see a leak: the school’s own staff are shown its pupil, and the check catches it', async () => {
    const { user } = await stack.make.member('school_admin', { school: foreign.school });
    const token = await stack.token({ userId: user.identitySubject!, email: user.email });
    const response = await stack
      .http()
      .get(`/api/v1/schools/${foreign.school.id}/pupils`)
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(leaked(response, [...foreign.names, foreign.ids.pupilId!])).toEqual([
      foreign.names[0],
      foreign.ids.pupilId,
    ]);
  });

  it('lists only the caller’s own trusts', async () => {
    const trustAdmin = callers.find((c) => c.role === 'trust_admin')!;
    const response = await stack
      .http()
      .get('/api/v1/trusts')
      .set('authorization', `Bearer ${trustAdmin.token}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((t: { id: string }) => t.id)).toEqual([own.trust.id]);
  });
});
