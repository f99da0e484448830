import { randomUUID } from 'node:crypto';
import type { DemoUser } from './demo-users';

/** A user as the identity stand-in keeps it: one tenant, one application registration. */
export interface IdentityUser {
  readonly id: string;
  readonly email: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly mobilePhone?: string;
  readonly tenantId: string;
  /** Roles of the user's registration to the (single) application. */
  readonly roles: readonly string[];
  readonly registrationId: string;
  /** Epoch milliseconds, as FusionAuth's `insertInstant`. */
  readonly insertInstant: number;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type NewIdentityUser = Omit<IdentityUser, 'id' | 'registrationId' | 'insertInstant'> & {
  readonly id?: string;
};

export type AddUserResult =
  | { readonly status: 'created'; readonly user: IdentityUser }
  | { readonly status: 'duplicate-email' }
  | { readonly status: 'duplicate-id' };

/** In-memory users, looked up case-insensitively by email as FusionAuth does. */
export class UserDirectory {
  private readonly byId = new Map<string, IdentityUser>();
  private readonly idByEmail = new Map<string, string>();

  constructor(tenantId: string, seed: readonly DemoUser[]) {
    for (const demo of seed) {
      this.add({
        id: demo.id,
        email: demo.email,
        givenName: demo.givenName,
        familyName: demo.familyName,
        tenantId,
        roles: demo.roles,
      });
    }
  }

  findById(id: string, tenantId?: string): IdentityUser | undefined {
    const user = this.byId.get(id);
    return user !== undefined && (tenantId === undefined || user.tenantId === tenantId) ? user : undefined;
  }

  findByEmail(email: string, tenantId?: string): IdentityUser | undefined {
    const id = this.idByEmail.get(normaliseEmail(email));
    return id === undefined ? undefined : this.findById(id, tenantId);
  }

  /** Deletes the person (FusionAuth's hard delete); false when there was nobody with that id. */
  remove(id: string): boolean {
    const user = this.byId.get(id);
    if (!user) {
      return false;
    }
    this.byId.delete(id);
    this.idByEmail.delete(user.email);
    return true;
  }

  add(input: NewIdentityUser): AddUserResult {
    const email = normaliseEmail(input.email);
    if (this.idByEmail.has(email)) {
      return { status: 'duplicate-email' };
    }
    const id = input.id ?? randomUUID();
    if (this.byId.has(id)) {
      return { status: 'duplicate-id' };
    }
    const user: IdentityUser = {
      ...input,
      id,
      email,
      registrationId: randomUUID(),
      insertInstant: Date.now(),
    };
    this.byId.set(id, user);
    this.idByEmail.set(email, id);
    return { status: 'created', user };
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
