import { TEST_START, aMembership, aUser } from './builders';
import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { InMemoryUnitOfWork, UniqueKeyViolated } from './in-memory-unit-of-work';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { SequentialIdGenerator } from './sequential-id-generator';

function setup() {
  const ids = new SequentialIdGenerator();
  const uow = new InMemoryUnitOfWork();
  const users = new InMemoryUserRepository(uow);
  const memberships = new InMemoryMembershipRepository(uow, users);
  return { ids, uow, users, memberships };
}

describe('InMemoryUnitOfWork with the in-memory repositories', () => {
  it('keeps added rows invisible until commit', async () => {
    const { ids, uow, users } = setup();
    const user = aUser(ids);

    users.add(user);
    expect(await users.findById(user.id)).toBeNull();

    await uow.commit();
    expect((await users.findById(user.id))?.email).toBe(user.email);
    expect(uow.commits).toBe(1);
  });

  it('writes changes to loaded rows on commit, and forgets them on rollback', async () => {
    const { ids, uow, users } = setup();
    const user = aUser(ids, { givenName: 'Ada' });
    users.seed(user);

    (await users.findById(user.id))!.givenName = 'Changed';
    uow.rollback();
    expect(users.committedById(user.id)?.givenName).toBe('Ada');

    (await users.findById(user.id))!.givenName = 'Grace';
    await uow.commit();
    expect(users.committedById(user.id)?.givenName).toBe('Grace');
  });

  it('gives one object per row within a unit', async () => {
    const { ids, users } = setup();
    const user = aUser(ids);
    users.seed(user);

    expect(await users.findById(user.id)).toBe(await users.findByEmail(user.email));
    expect(await users.findById(user.id)).not.toBe(user);
  });

  it('refuses a commit that breaks a unique key, storing nothing of it', async () => {
    const { ids, uow, users, memberships } = setup();
    const existing = aUser(ids, { email: 'same@school.test' });
    users.seed(existing);
    const other = aUser(ids, { email: 'same@school.test' });
    const membership = aMembership(ids, { userId: other.id, trustId: ids.next() as never });

    users.add(other);
    memberships.add(membership);
    await expect(uow.commit()).rejects.toThrow(UniqueKeyViolated);

    expect(users.committed()).toHaveLength(1);
    expect(memberships.committed()).toHaveLength(0);
    expect(uow.commits).toBe(0);
  });

  it('can be told to fail the next commit', async () => {
    const { ids, uow, users } = setup();
    uow.failNextCommit(new Error('connection lost'));

    users.add(aUser(ids, { createdAt: TEST_START }));
    await expect(uow.commit()).rejects.toThrow('connection lost');
    await uow.commit();

    expect(users.committed()).toHaveLength(0);
    expect(uow.commits).toBe(1);
  });
});

describe('SequentialIdGenerator', () => {
  it('makes UUID-shaped ids that sort in the order they were made', () => {
    const ids = new SequentialIdGenerator();
    const made = Array.from({ length: 300 }, () => ids.next());

    expect(
      made.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
