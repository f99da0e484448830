import { EventConflict } from '../../domain/events.errors';

export const NothingToPay = () =>
  new EventConflict('Nothing is waiting to be paid on this booking', 'PAYMENTS.NOTHING_TO_PAY');
export const HoldExpired = () =>
  new EventConflict(
    'The place was held for payment and the time ran out; book again',
    'PAYMENTS.HOLD_EXPIRED',
  );
