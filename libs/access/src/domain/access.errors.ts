import { DomainError } from '@rowan/kernel';

export class NotAuthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(
    message: string,
    readonly code: string = 'ACCESS.NOT_AUTHENTICATED',
  ) {
    super(message);
  }
}

export class NotPermitted extends DomainError {
  readonly kind = 'forbidden';
  constructor(
    message: string,
    readonly code: string = 'ACCESS.NOT_PERMITTED',
  ) {
    super(message);
  }
}

export class AccessConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
