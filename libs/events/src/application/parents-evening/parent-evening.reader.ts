import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship, type OwnChild } from '../ports/guardianship';
import { ParentsEveningStore } from '../ports/parents-evening.store';
import { bookableChild, invitedChild, parentEvening, type ParentEvening } from './parents-evening-access';

/** A parent's way into an evening, shared by the parent use cases. */
@Injectable()
export class ParentEveningReader {
  constructor(
    readonly guardianship: Guardianship,
    readonly events: EventRepository,
    readonly bookings: BookingStore,
    readonly evenings: ParentsEveningStore,
  ) {}

  read(actor: Actor, eventId: string): Promise<ParentEvening> {
    return parentEvening(this, actor, eventId);
  }

  bookable(ctx: ParentEvening, pupilId: string, now: Date): OwnChild {
    return bookableChild(ctx, pupilId, now);
  }

  invited(ctx: ParentEvening, pupilId: string): OwnChild {
    return invitedChild(ctx, pupilId);
  }
}
