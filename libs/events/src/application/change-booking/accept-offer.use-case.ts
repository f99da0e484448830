import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { nextState } from '../../domain/booking';
import { EventConflict } from '../../domain/events.errors';
import { toBookingView, type BookingView } from '../booking.view';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { PaymentPlans } from '../payments/payment-plans';
import { ownBooking } from './own-booking';

/**
 * A parent takes up a place offered from the waiting list, before the offer expires. On a priced event the place
 * is then held while they pay, as when booking.
 */
@Injectable()
export class AcceptOfferUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly plans: PaymentPlans,
  ) {}

  async execute(input: { actor: Actor; bookingId: string }): Promise<BookingView> {
    const { booking, event, child } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    nextState(booking.state, 'accept');
    const now = this.clock.now();
    if (!booking.offerExpiresAt || booking.offerExpiresAt.getTime() <= now.getTime()) {
      throw new EventConflict('The offer has expired', 'EVENTS.OFFER_EXPIRED');
    }
    const invitation = await this.bookings.invitation(event.id, child.id);
    const siblings = (await this.guardianship.childrenOf(input.actor))
      .filter((c) => c.id !== child.id && c.schoolId === child.schoolId)
      .map((c) => c.id);
    const price = invitation ? await this.plans.quoteFor(event, invitation, siblings, now) : null;
    const to = price && price.dueNowP > 0 ? 'held' : 'confirmed';
    const holdUntil = to === 'held' ? new Date(now.getTime() + this.plans.holdMs) : null;
    await this.uow.transaction(async () => {
      if (!(await this.bookings.move(booking.id, 'offered', to, now, holdUntil))) {
        throw new EventConflict('The offer has expired', 'EVENTS.OFFER_EXPIRED');
      }
      if (price) {
        await this.plans.record(booking, price, input.actor.userId, now);
      }
      this.audit.record(input.actor.userId, {
        action: to === 'held' ? 'booking.held' : 'booking.confirmed',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'booking',
        targetId: booking.id,
        summary: `Accepted the offered place for ${child.forename} on “${event.title}”`,
        before: { state: 'offered' },
        after: { state: to },
      });
    });
    const accepted = { ...booking, state: to, offerExpiresAt: holdUntil } as const;
    await this.plans.scheduleHoldExpiry(accepted);
    return toBookingView(accepted);
  }
}
