import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { BookingStore } from '../ports/booking.store';
import { EventJobs } from '../ports/event-jobs';
import { EventRepository } from '../ports/event.repository';
import { WaitingList } from './waiting-list.service';

export type ExpireOfferResult =
  | { readonly status: 'expired'; readonly offeredTo: string | null }
  | { readonly status: 'not_due' }
  | { readonly status: 'nothing_to_do' };

/** The worker's: an offer not taken up in time passes to the next family on the waiting list. */
@Injectable()
export class ExpireOfferUseCase {
  constructor(
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly waitingList: WaitingList,
    private readonly jobs: EventJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { bookingId: string }): Promise<ExpireOfferResult> {
    const booking = await this.bookings.findById(input.bookingId);
    const event = booking ? await this.events.findForWorker(booking.eventId) : null;
    if (!booking || !event || booking.state !== 'offered' || !booking.offerExpiresAt) {
      return { status: 'nothing_to_do' };
    }
    if (booking.offerExpiresAt.getTime() > this.clock.now().getTime()) {
      await this.jobs.expireOffer(booking.id, booking.offerExpiresAt);
      return { status: 'not_due' };
    }
    const offer = await this.uow.transaction(async () => {
      const next = await this.waitingList.end(booking, 'expire');
      this.audit.record(null, {
        action: 'booking.offer_expired',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'booking',
        targetId: booking.id,
        summary: `An offered place on “${event.title}” was not taken up in time${next ? ' and passed to the next family' : ''}`,
        before: { state: 'offered' },
        after: { state: 'cancelled', offeredTo: next?.bookingId ?? null },
      });
      return next;
    });
    await this.waitingList.scheduleExpiry(offer);
    return { status: 'expired', offeredTo: offer?.bookingId ?? null };
  }
}
