import { ROLES } from '@rowan/access';
import { startApiStack, type ApiStack } from '../../support/api-stack';
import {
  describeCall,
  documentOperations,
  isProblem,
  oneOfEachRole,
  paramsFor,
  PUBLIC_OPERATIONS,
  roleMay,
  schoolWorld,
  type Caller,
  type SchoolWorld,
} from '../../support/isolation-kit';
import { requestFor, type Operation } from '../../support/openapi-walk';
import { fingerprintChanges, fingerprintSchools } from '../../support/school-fingerprint';

/**
 * Walks every route in the OpenAPI document as every role whose permissions do not include the route's, with the
 * caller's own school's real ids (in the path and in the body): each answers 403 problem+json and changes
 * nothing. And without a token, everything but the public routes answers 401. A route added later is walked
 * without editing this file.
 */
describe('isolation: every route, as every role below the one it needs, in the caller’s own school', () => {
  let stack: ApiStack;
  let own: SchoolWorld;
  let callers: Caller[];
  let routes: Operation[];

  beforeAll(async () => {
    stack = await startApiStack();
    own = await schoolWorld(stack, 'Below');
    callers = await oneOfEachRole(stack, own);
    routes = await documentOperations(stack);
  });
  afterAll(() => stack.close());

  const tenants = () => ({ schoolIds: [own.school.id], trustIds: [own.trust.id] });

  it('answers 403 problem+json to every role without the route’s permission, and changes nothing', async () => {
    const before = await fingerprintSchools(stack.orm, tenants());
    const auditBefore = await stack.make.auditCount({ trustId: own.trust.id });
    const walked = new Set<string>();
    const failures: string[] = [];
    for (const op of routes.filter((o) => o.authenticated)) {
      for (const caller of callers.filter((c) => !roleMay(c.role, op))) {
        const response = await requestFor(stack.http(), op, paramsFor(op, own), {
          bodyIds: paramsFor(op, own),
        }).set('authorization', `Bearer ${caller.token}`);
        walked.add(op.operationId);
        if (response.status !== 403 || !isProblem(response)) {
          failures.push(
            describeCall(caller.role, op, response, 403, isProblem(response) ? '' : ' (not problem+json)'),
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fingerprintChanges(before, await fingerprintSchools(stack.orm, tenants()))).toEqual([]);
    expect(await stack.make.auditCount({ trustId: own.trust.id })).toBe(auditBefore);
    // Walked: every route some role may not call. The rest are the routes every signed-in person may call.
    const someoneBelow = routes.filter((op) => op.authenticated && ROLES.some((r) => !roleMay(r, op)));
    expect([...walked].sort()).toEqual(someoneBelow.map((op) => op.operationId).sort());
    const everyone = routes.filter((op) => op.authenticated && !walked.has(op.operationId));
    expect(everyone.filter((op) => op.permission !== 'me:read').map((op) => op.operationId)).toEqual([]);
  }, 60_000);

  it('answers 401 problem+json to every route but the public ones without a token, and changes nothing', async () => {
    const before = await fingerprintSchools(stack.orm, tenants());
    const failures: string[] = [];
    for (const op of routes) {
      const response = await requestFor(stack.http(), op, paramsFor(op, own), {
        bodyIds: paramsFor(op, own),
      });
      const want = op.authenticated ? 401 : 200;
      if (response.status !== want || (op.authenticated && !isProblem(response))) {
        failures.push(describeCall('anonymous', op, response, want));
      }
    }
    expect(failures).toEqual([]);
    expect(
      routes
        .filter((op) => !op.authenticated)
        .map((op) => op.operationId)
        .sort(),
    ).toEqual([...PUBLIC_OPERATIONS].sort());
    expect(fingerprintChanges(before, await fingerprintSchools(stack.orm, tenants()))).toEqual([]);
  }, 60_000);
});
