import type { UserId } from '@rowan/kernel';

/**
 * A person who can sign in. `identitySubject` is the identity provider's user id (the token's `sub`);
 * it is null until the person has been provisioned at the identity provider.
 */
export class User {
  constructor(
    readonly id: UserId,
    public email: string,
    public givenName: string,
    public familyName: string,
    public identitySubject: string | null,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  displayName(): string {
    return `${this.givenName} ${this.familyName}`.trim();
  }

  linkIdentity(subject: string, at: Date): void {
    this.identitySubject = subject;
    this.updatedAt = at;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
