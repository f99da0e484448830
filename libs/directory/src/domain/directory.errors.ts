import { DomainError } from '@rowan/kernel';

export class DirectoryConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly code: string,
    field?: string,
  ) {
    super(message, field ? [{ field, message }] : []);
  }
}
