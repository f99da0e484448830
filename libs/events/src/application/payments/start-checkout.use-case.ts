import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { ownBooking } from '../change-booking/own-booking';
import { EventSettings } from '../event-settings';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentStore } from '../ports/payment.store';
import { HoldExpired, NothingToPay } from './payment-errors';

/** Stripe keeps a checkout open for 30 minutes at least and 24 hours at most. */
const MIN_CHECKOUT_MS = 30 * 60_000 + 30_000;
const BALANCE_CHECKOUT_MS = 60 * 60_000;

export interface CheckoutView {
  readonly bookingId: string;
  readonly paymentId: string;
  readonly amountP: number;
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * A parent pays what is due on their child's booking: the held place's payment (the deposit or everything), or
 * later the balance. An open checkout for it is given again rather than a second one made, so a double tap never
 * pays twice.
 */
@Injectable()
export class StartCheckoutUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly payments: PaymentStore,
    private readonly gateway: PaymentGateway,
    private readonly settings: EventSettings,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; bookingId: string }): Promise<CheckoutView> {
    const { booking, event, child } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    const now = this.clock.now();
    if (booking.state === 'held' && booking.offerExpiresAt && booking.offerExpiresAt <= now) {
      throw HoldExpired();
    }
    if (booking.state !== 'held' && booking.state !== 'confirmed') {
      throw NothingToPay();
    }
    const pending = (await this.payments.paymentsOf(booking.id)).filter((p) => p.status === 'pending');
    const payment =
      booking.state === 'held'
        ? pending.find((p) => p.purpose !== 'balance')
        : (pending.find((p) => p.purpose !== 'balance') ?? pending.find((p) => p.purpose === 'balance'));
    if (!payment) {
      throw NothingToPay();
    }
    const open = await this.payments.openCheckoutOf(payment.id, now);
    if (open) {
      return {
        bookingId: booking.id,
        paymentId: payment.id,
        amountP: payment.amountP,
        url: open.url,
        expiresAt: open.expiresAt,
      };
    }
    const { stripeAccountId } = await this.payments.settings(booking.schoolId);
    const holdEnds = booking.state === 'held' ? (booking.offerExpiresAt?.getTime() ?? 0) : 0;
    const expiresAt = new Date(
      Math.max(holdEnds, now.getTime() + (booking.state === 'held' ? MIN_CHECKOUT_MS : BALANCE_CHECKOUT_MS)),
    );
    const attempt = await this.payments.countCheckouts(payment.id);
    const back = `${this.settings.webOrigin}/parent/payments/return?booking=${booking.id}`;
    const session = await this.gateway.createCheckout({
      account: stripeAccountId,
      paymentId: payment.id,
      bookingId: booking.id,
      amountP: payment.amountP,
      description: `${event.title}: ${child.forename} ${child.surname}${payment.purpose === 'full' ? '' : ` (${payment.purpose})`}`,
      successUrl: `${back}&session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${back}&cancelled=1`,
      expiresAt,
      idempotencyKey: `checkout-${payment.id}-${attempt}`,
    });
    await this.uow.transaction(() =>
      this.payments.insertCheckout({
        sessionId: session.sessionId,
        paymentId: payment.id,
        schoolId: booking.schoolId,
        account: stripeAccountId,
        url: session.url,
        status: 'open',
        expiresAt: session.expiresAt,
        createdAt: now,
      }),
    );
    return {
      bookingId: booking.id,
      paymentId: payment.id,
      amountP: payment.amountP,
      url: session.url,
      expiresAt: session.expiresAt,
    };
  }
}
