/**
 * How an error should be understood at the edges (HTTP status, job outcome).
 * - invalid: the input breaks a rule (400/422); permanent for a job.
 * - not_found: the object does not exist *for this actor* (404; also used for other schools' objects).
 * - forbidden: the actor may see the object but not do this (403).
 * - conflict: the state does not allow it now (409).
 * - unauthenticated: no valid identity (401).
 * - unavailable: a dependency failed; retrying may help (503; transient for a job).
 */
export type ErrorKind =
  'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'unavailable';

export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** For an uploaded file: the line at fault (1 is the header). */
  readonly line?: number;
  /** For an uploaded file: the column at fault, by its header name. */
  readonly column?: string;
}

export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `ACCESS.NOT_A_MEMBER`. */
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  readonly fieldErrors: readonly FieldError[];

  constructor(message: string, fieldErrors: readonly FieldError[] = []) {
    super(message);
    this.name = new.target.name;
    this.fieldErrors = fieldErrors;
  }

  get transient(): boolean {
    return this.kind === 'unavailable';
  }
}

/** Input that breaks a rule, naming the fields at fault. */
export class ValidationFailed extends DomainError {
  readonly code = 'KERNEL.VALIDATION_FAILED';
  readonly kind = 'invalid';
}

/** Generic "no such object for you" — used so other schools' objects are indistinguishable from missing ones. */
export class NotFound extends DomainError {
  readonly code: string;
  readonly kind = 'not_found';
  constructor(what: string, code = 'KERNEL.NOT_FOUND') {
    super(`${what} was not found`);
    this.code = code;
  }
}
