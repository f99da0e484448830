import FusionAuthClient from '@fusionauth/typescript-client';
import { User } from '@rowan/access';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import type { INestApplicationContext } from '@nestjs/common';
import { createWorker } from '../../apps/worker/src/create-worker';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { TEST_API_KEY, TEST_TENANT_ID } from '../support/test-env';
import { eventually } from '../support/eventually';

describe('worker: an invitation is provisioned at the identity provider by a real job', () => {
  let stack: ApiStack;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    stack = await startApiStack();
    worker = await createWorker(loadConfig(WorkerConfig, apiSettings(stack.identity)), { schedules: false });
  });
  afterAll(async () => {
    await worker.close();
    await stack.close();
  });

  it('API enqueues, worker creates the FusionAuth user and links it; the person can then sign in', async () => {
    const trust = await stack.make.trust();
    const school = await stack.make.school(trust);
    const { user: admin } = await stack.make.member('school_admin', { school });
    const token = await stack.token({ userId: admin.identitySubject!, email: admin.email });
    const email = `new.teacher.${Date.now()}@example.test`;

    const invited = await stack
      .http()
      .post(`/api/v1/schools/${school.id}/memberships`)
      .set('authorization', `Bearer ${token}`)
      .send({ email, givenName: 'Niamh', familyName: "O'Connor", role: 'teacher' });
    expect(invited.status).toBe(201);
    expect(invited.body.status).toBe('invited');

    const linked = await eventually(async () => {
      const user = await stack.orm.em.fork().findOne(User, { email });
      return user?.identitySubject ? user : undefined;
    });
    const fusionAuth = new FusionAuthClient(TEST_API_KEY, stack.identity.issuer, TEST_TENANT_ID);
    const atProvider = await fusionAuth.retrieveUserByEmail(email);
    expect(atProvider.response.user?.id).toBe(linked.identitySubject);
    expect(atProvider.response.user?.lastName).toBe("O'Connor");

    // First sign-in: the invitation becomes an active membership.
    const teacherToken = await stack.token({ userId: linked.identitySubject!, email });
    const me = await stack.http().get('/api/v1/me').set('authorization', `Bearer ${teacherToken}`);
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({
        role: 'teacher',
        status: 'active',
        school: { id: school.id, name: school.name },
      }),
    ]);
  });
});
