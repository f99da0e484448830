import type { UserId } from '@rowan/kernel';
import { UserRepository } from '../application/ports/user.repository';
import type { User } from '../domain/user';
import { InMemoryTable, byIdAscending } from './in-memory-table';
import type { InMemoryUnitOfWork } from './in-memory-unit-of-work';

/** Users as the `users` table keeps them: unique email and unique identity subject. */
export class InMemoryUserRepository extends UserRepository {
  private readonly table: InMemoryTable<User>;

  constructor(uow: InMemoryUnitOfWork) {
    super();
    this.table = new InMemoryTable<User>(uow, [
      { name: 'users_email_unique', of: (u) => u.email },
      { name: 'users_identity_subject_unique', of: (u) => u.identitySubject },
    ]);
  }

  findById(id: UserId): Promise<User | null> {
    return Promise.resolve(this.table.selectOne((u) => u.id === id));
  }

  findByIdentitySubject(subject: string): Promise<User | null> {
    return Promise.resolve(this.table.selectOne((u) => u.identitySubject === subject));
  }

  findByEmail(email: string): Promise<User | null> {
    return Promise.resolve(this.table.selectOne((u) => u.email === email));
  }

  findUnprovisioned(limit: number): Promise<User[]> {
    const oldestFirst = (a: User, b: User) =>
      a.createdAt.getTime() - b.createdAt.getTime() || byIdAscending(a, b);
    return Promise.resolve(this.table.select((u) => u.identitySubject === null, oldestFirst, limit));
  }

  add(user: User): void {
    this.table.stage(user);
  }

  /** For other fakes joining users (membership lists, audit actors). */
  findManyByIds(ids: readonly string[]): User[] {
    return this.table.select((u) => ids.includes(u.id));
  }

  seed(...users: User[]): void {
    users.forEach((u) => this.table.seed(u));
  }

  /** Copies of the stored users. */
  committed(): User[] {
    return this.table.rows();
  }

  committedById(id: string): User | undefined {
    return this.table.row(id);
  }
}
