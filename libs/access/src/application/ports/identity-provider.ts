export interface IdentityRequest {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
}

/**
 * The identity provider where people sign in (FusionAuth in production). Rowan creates accounts there
 * when it invites someone; the provider sends the set-password email.
 */
export abstract class IdentityProvider {
  /** Finds the person by email or creates them; returns the provider's subject (user id). Idempotent. */
  abstract ensureUser(request: IdentityRequest): Promise<{ subject: string }>;
  /** Deletes the person's account there (they were anonymised, or their school's data destroyed). Idempotent. */
  abstract deleteUser(subject: string): Promise<void>;
}
