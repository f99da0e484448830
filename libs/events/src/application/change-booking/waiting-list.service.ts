import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import { holdsPlace, nextState } from '../../domain/booking';
import { EventConflict } from '../../domain/events.errors';
import { EventSettings } from '../event-settings';
import { BookingStore, type BookingRecord } from '../ports/booking.store';
import { EventJobs } from '../ports/event-jobs';

export interface Offer {
  readonly bookingId: string;
  readonly expiresAt: Date;
}

/** Frees places and offers them down the waiting list; the caller runs it inside its transaction. */
@Injectable()
export class WaitingList {
  constructor(
    private readonly bookings: BookingStore,
    private readonly jobs: EventJobs,
    private readonly settings: EventSettings,
    private readonly clock: Clock,
  ) {}

  /** Ends a booking (cancel or expire); a place it held goes to the first who fits on the waiting list. */
  async end(booking: BookingRecord, action: 'cancel' | 'expire'): Promise<Offer | null> {
    const now = this.clock.now();
    const to = nextState(booking.state, action);
    if (!(await this.bookings.move(booking.id, booking.state, to, now))) {
      throw new EventConflict('The booking changed meanwhile; reload and try again', 'EVENTS.BOOKING_STATE');
    }
    if (!holdsPlace(booking.state)) {
      return null;
    }
    await this.bookings.freePlace(booking.eventId, booking.open);
    return this.offerNext(booking.eventId, now);
  }

  /** After the transaction commits: the offer's expiry job. */
  async scheduleExpiry(offer: Offer | null): Promise<void> {
    if (offer) {
      await this.jobs.expireOffer(offer.bookingId, offer.expiresAt);
    }
  }

  private async offerNext(eventId: string, now: Date): Promise<Offer | null> {
    const expiresAt = new Date(now.getTime() + this.settings.offerWindowMs);
    for (const waiting of await this.bookings.waiting(eventId, 50)) {
      if (!(await this.bookings.takePlace(eventId, waiting.open))) {
        continue;
      }
      if (await this.bookings.move(waiting.id, 'waitlisted', 'offered', now, expiresAt)) {
        return { bookingId: waiting.id, expiresAt };
      }
      await this.bookings.freePlace(eventId, waiting.open);
    }
    return null;
  }
}
