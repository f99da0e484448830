import { DomainError } from '@rowan/kernel';
import { UnrecoverableError } from 'bullmq';

/**
 * The worker's mapping of errors to job outcomes: a transient domain error (a provider is down) and any
 * unexpected error are retried with back-off; a permanent domain error fails the job at once.
 */
export function asJobFailure(error: unknown): Error {
  if (error instanceof DomainError && !error.transient) {
    return new UnrecoverableError(`${error.code}: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
