import { startApiStack, type ApiStack } from '../support/api-stack';
import { expectEventually } from '../support/eventually';

/**
 * The API keeps each signed-in person's resolved memberships in memory (ActorCache). These prove a change to
 * someone's access reaches their very next requests: within a second, not when the cache's minute runs out.
 */
describe('cached sign-ins follow access changes', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack.close());

  const get = (path: string, token: string) => stack.http().get(path).set('authorization', `Bearer ${token}`);

  async function school() {
    const trust = await stack.make.trust();
    const made = await stack.make.school(trust);
    const admin = await stack.make.member('school_admin', { school: made });
    const adminToken = await stack.token({ userId: admin.user.identitySubject!, email: admin.user.email });
    return { trust, school: made, adminToken };
  }

  it('a revoked member is refused on their next request', async () => {
    const { school: s, adminToken } = await school();
    const teacher = await stack.make.member('teacher', { school: s });
    const token = await stack.token({ userId: teacher.user.identitySubject!, email: teacher.user.email });
    const events = `/api/v1/schools/${s.id}/events`;
    expect((await get(events, token)).status).toBe(200);
    expect((await get(events, token)).status).toBe(200); // now served from the cache

    const revoked = await stack
      .http()
      .delete(`/api/v1/schools/${s.id}/memberships/${teacher.membership.id}`)
      .set('authorization', `Bearer ${adminToken}`);
    expect(revoked.status).toBeLessThan(300);

    await expectEventually(
      async () => {
        expect((await get(events, token)).status).toBe(403);
      },
      1_000,
      20,
    );
    const me = await get('/api/v1/me', token);
    expect(me.body.memberships).toEqual([]);
  });

  it('a role change applies to the next request', async () => {
    const { school: s, adminToken } = await school();
    const teacher = await stack.make.member('teacher', { school: s });
    const token = await stack.token({ userId: teacher.user.identitySubject!, email: teacher.user.email });
    const memberships = `/api/v1/schools/${s.id}/memberships`;
    expect((await get(memberships, token)).status).toBe(403); // teachers do not see the staff list
    expect((await get(memberships, token)).status).toBe(403);

    const changed = await stack
      .http()
      .patch(`${memberships}/${teacher.membership.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ role: 'office' });
    expect(changed.status).toBe(200);

    await expectEventually(
      async () => {
        expect((await get(memberships, token)).status).toBe(200);
      },
      1_000,
      20,
    );
  });

  it('a school joining a trust is in its trust administrator’s scope on their next request', async () => {
    const { trust, school: first } = await school();
    const trustAdmin = await stack.make.member('trust_admin', { trust });
    const token = await stack.token({
      userId: trustAdmin.user.identitySubject!,
      email: trustAdmin.user.email,
    });
    await stack.make.pupil(first);
    expect((await get(`/api/v1/schools/${first.id}/pupils`, token)).body.items).toHaveLength(1);

    const joined = await stack.make.school(trust);
    await stack.make.pupil(joined);
    await expectEventually(
      async () => {
        expect((await get(`/api/v1/schools/${joined.id}/pupils`, token)).body.items).toHaveLength(1);
      },
      1_000,
      20,
    );
  });
});
