import { DomainError } from '@rowan/kernel';
import { IdentityProvider, type IdentityRequest } from '../application/ports/identity-provider';

/** A transient failure, as the FusionAuth adapter reports one (`kind: 'unavailable'`, so a job retries). */
export class IdentityProviderDown extends DomainError {
  readonly code = 'ACCESS.IDENTITY_PROVIDER_UNAVAILABLE';
  readonly kind = 'unavailable';
}

/** Finds or creates people by email, as FusionAuth does; records every call; can be told to fail. */
export class FakeIdentityProvider extends IdentityProvider {
  readonly requests: IdentityRequest[] = [];
  private readonly subjects = new Map<string, string>();
  private failure: Error | null = null;

  ensureUser(request: IdentityRequest): Promise<{ subject: string }> {
    this.requests.push({ ...request });
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    let subject = this.subjects.get(request.email);
    if (!subject) {
      subject = `idp-subject-${this.subjects.size + 1}`;
      this.subjects.set(request.email, subject);
    }
    return Promise.resolve({ subject });
  }

  readonly deleted: string[] = [];

  deleteUser(subject: string): Promise<void> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    this.deleted.push(subject);
    for (const [email, s] of this.subjects) {
      if (s === subject) {
        this.subjects.delete(email);
      }
    }
    return Promise.resolve();
  }

  /** A person who already has an account at the provider. */
  knowsPerson(email: string, subject: string): void {
    this.subjects.set(email, subject);
  }

  /** Every call fails until `recover()`. */
  failWith(error: Error = new IdentityProviderDown('The identity provider is not answering')): void {
    this.failure = error;
  }

  recover(): void {
    this.failure = null;
  }
}
