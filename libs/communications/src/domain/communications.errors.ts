import { DomainError, NotFound } from '@rowan/kernel';

export class MessageConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A provider could not take the message now (rate limit, outage): the queue retries with back-off. */
export class ProviderUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'COMMUNICATIONS.PROVIDER_UNAVAILABLE';
}

export const MessageNotFound = () => new NotFound('Message', 'COMMUNICATIONS.MESSAGE_NOT_FOUND');
