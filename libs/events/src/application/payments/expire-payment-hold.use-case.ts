import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { WaitingList } from '../change-booking/waiting-list.service';
import { BookingStore } from '../ports/booking.store';
import { EventJobs } from '../ports/event-jobs';
import { EventRepository } from '../ports/event.repository';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentStore } from '../ports/payment.store';
import { Settlement } from './settlement.service';

export type ExpirePaymentHoldResult =
  | { readonly status: 'expired'; readonly offeredTo: string | null }
  | { readonly status: 'paid' }
  | { readonly status: 'not_due' }
  | { readonly status: 'nothing_to_do' };

/**
 * The worker's: a place held for payment and not paid in time goes to the waiting list. Its open checkouts are
 * closed at the provider first, so nobody can pay for a place that has gone; one found paid meanwhile (its
 * webhook still on the way) is settled instead.
 */
@Injectable()
export class ExpirePaymentHoldUseCase {
  constructor(
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly payments: PaymentStore,
    private readonly gateway: PaymentGateway,
    private readonly settlement: Settlement,
    private readonly waitingList: WaitingList,
    private readonly jobs: EventJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { bookingId: string }): Promise<ExpirePaymentHoldResult> {
    const booking = await this.bookings.findById(input.bookingId);
    const event = booking ? await this.events.findForWorker(booking.eventId) : null;
    if (!booking || !event || booking.state !== 'held' || !booking.offerExpiresAt) {
      return { status: 'nothing_to_do' };
    }
    if (booking.offerExpiresAt.getTime() > this.clock.now().getTime()) {
      await this.jobs.expirePaymentHold(booking.id, booking.offerExpiresAt);
      return { status: 'not_due' };
    }
    for (const checkout of await this.payments.openCheckoutsOf(booking.id)) {
      if ((await this.gateway.expireCheckout(checkout.account, checkout.sessionId)) === 'complete') {
        const paid = await this.gateway.checkoutPayment(checkout.account, checkout.sessionId);
        if (paid.paid && paid.paymentIntentId) {
          await this.settlement.paid(checkout.sessionId, paid.paymentIntentId, paid.amountP);
          return { status: 'paid' };
        }
      }
      await this.uow.transaction(() => this.payments.moveCheckout(checkout.sessionId, 'open', 'expired'));
    }
    const offer = await this.uow.transaction(async () => {
      const next = await this.waitingList.end(booking, 'expire');
      await this.payments.endPending(booking.id, 'lapsed');
      this.audit.record(null, {
        action: 'booking.hold_expired',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'booking',
        targetId: booking.id,
        summary: `A place held for payment on “${event.title}” was not paid for in time${next ? ' and was offered to the waiting list' : ''}`,
        before: { state: 'held' },
        after: { state: 'cancelled', offeredTo: next?.bookingId ?? null },
      });
      return next;
    });
    await this.waitingList.scheduleExpiry(offer);
    return { status: 'expired', offeredTo: offer?.bookingId ?? null };
  }
}
