import type { UserId } from '@rowan/kernel';
import type { User } from '../../domain/user';

export abstract class UserRepository {
  abstract findById(id: UserId): Promise<User | null>;
  abstract findByIdentitySubject(subject: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  /** People invited but not yet given an identity-provider account, oldest first. */
  abstract findUnprovisioned(limit: number): Promise<User[]>;
  abstract add(user: User): void;
}
