import type { EventKind, EventStatus, PriceUnit, SchoolEvent } from '../domain/event';
import type { Eligibility } from '../domain/eligibility';
import type { PaymentTerms } from '../domain/pricing';

/** What an event shows: fields named one by one, so a new column never leaks. */
export interface EventView {
  readonly id: string;
  readonly schoolId: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly sessions: readonly Date[];
  readonly capacity: number;
  readonly reservedPlaces: number;
  readonly taken: number;
  readonly priceP: number | null;
  readonly priceUnit: PriceUnit | null;
  readonly bookingCutoff: Date | null;
  readonly priorityBookingUntil: Date | null;
  readonly paymentTerms: PaymentTerms | null;
  readonly eligibility: Eligibility;
  readonly status: EventStatus;
  readonly invitationMessageId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toEventView(e: SchoolEvent): EventView {
  return {
    id: e.id,
    schoolId: e.schoolId,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    sessions: e.sessions,
    capacity: e.capacity,
    reservedPlaces: e.reservedPlaces,
    taken: e.taken,
    priceP: e.priceP,
    priceUnit: e.priceUnit,
    bookingCutoff: e.bookingCutoff,
    priorityBookingUntil: e.priorityBookingUntil,
    paymentTerms: e.paymentTerms,
    eligibility: e.eligibility,
    status: e.status,
    invitationMessageId: e.invitationMessageId,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
