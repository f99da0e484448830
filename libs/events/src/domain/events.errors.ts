import { DomainError, NotFound } from '@rowan/kernel';

/** The event or booking is in a state that does not allow this now (409). */
export class EventConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The child is the parent's, but the event is not for them (403). */
export class NotEligible extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'EVENTS.NOT_ELIGIBLE';
}

/** A parent's change after the school's cut-off (staff are not held to it). */
export const ChangesClosed = () =>
  new EventConflict('The cut-off for changes has passed; contact the school', 'EVENTS.BOOKING_CLOSED');

export const EventNotFound = () => new NotFound('Event', 'EVENTS.EVENT_NOT_FOUND');
export const BookingNotFound = () => new NotFound('Booking', 'EVENTS.BOOKING_NOT_FOUND');
export const PupilNotFound = () => new NotFound('Pupil', 'EVENTS.PUPIL_NOT_FOUND');

/** The card-payment provider did not answer, or refused the request; nothing was paid or refunded (503). */
export class PaymentProviderUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'PAYMENTS.PROVIDER_UNAVAILABLE';
}
