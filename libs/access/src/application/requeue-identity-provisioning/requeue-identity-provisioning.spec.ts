import { AccessTestbed } from '../../testing';
import { RequeueIdentityProvisioningUseCase } from './requeue-identity-provisioning.use-case';

function setup() {
  const tb = new AccessTestbed();
  return { tb, useCase: new RequeueIdentityProvisioningUseCase(tb.users, tb.jobs) };
}

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

describe('RequeueIdentityProvisioningUseCase', () => {
  it('queues provisioning for people without an account, oldest first, up to the limit', async () => {
    const { tb, useCase } = setup();
    const newest = tb.givenUser({ identitySubject: null, createdAt: day(20) });
    const oldest = tb.givenUser({ identitySubject: null, createdAt: day(2) });
    tb.givenUser({ identitySubject: null, createdAt: day(21) });
    tb.givenUser({ createdAt: day(1) });

    await expect(useCase.execute({ limit: 2 })).resolves.toEqual({ queued: 2 });
    expect(tb.jobs.provisionRequests).toEqual([oldest.id, newest.id]);
  });

  it('queues nothing when everyone has an account', async () => {
    const { tb, useCase } = setup();
    tb.givenUser();

    await expect(useCase.execute({ limit: 100 })).resolves.toEqual({ queued: 0 });
    expect(tb.jobs.provisionRequests).toEqual([]);
  });
});
