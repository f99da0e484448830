import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { User, UserRepository } from '@rowan/access';
import type { UserId } from '@rowan/kernel';

@Injectable()
export class MikroOrmUserRepository extends UserRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: UserId): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findByIdentitySubject(subject: string): Promise<User | null> {
    return this.em.findOne(User, { identitySubject: subject });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email });
  }

  findUnprovisioned(limit: number): Promise<User[]> {
    return this.em.find(User, { identitySubject: null }, { orderBy: { createdAt: 'asc' }, limit });
  }

  add(user: User): void {
    this.em.persist(user);
  }
}
