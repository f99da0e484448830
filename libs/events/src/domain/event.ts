import { ValidationFailed, type FieldError, type SchoolId, type TrustId, type UserId } from '@rowan/kernel';
import type { Eligibility } from './eligibility';
import { EventConflict } from './events.errors';
import { checkPaymentTerms, type PaymentTerms } from './pricing';

/** The kinds staff create through the generic event form; a parents' evening is set up with its teachers. */
export const EVENT_KINDS = ['trip', 'club'] as const;
export const ALL_EVENT_KINDS = [...EVENT_KINDS, 'parents_evening'] as const;
export type EventKind = (typeof ALL_EVENT_KINDS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What a price pays for: the whole trip, a club's term, or each session of a club. */
export const PRICE_UNITS = ['event', 'term', 'session'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** What staff write about an event; a trip has a start and end, a club a term's sessions. */
export interface EventDetails {
  readonly kind: EventKind;
  readonly title: string;
  readonly description: string;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly sessions: readonly Date[];
  readonly capacity: number;
  readonly reservedPlaces: number;
  /** Integer pence per `priceUnit`; null when free. */
  readonly priceP: number | null;
  /** A trip is priced per trip ('event'); a club per term or per session. Set from the kind when not given. */
  readonly priceUnit?: PriceUnit | null;
  readonly bookingCutoff: Date | null;
  /**
   * The equity option beside reserved places: until then only Pupil Premium and free-school-meals pupils may
   * book (staff may book anyone); then booking opens to every invited pupil.
   */
  readonly priorityBookingUntil?: Date | null;
  /** Subsidy, sibling discount and deposit for a priced event; none when not given. */
  readonly paymentTerms?: PaymentTerms | null;
  readonly eligibility: Eligibility;
}

/** A trip or a club of one school. Places taken are counted by the database, never here. */
export class SchoolEvent {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    readonly trustId: TrustId,
    public kind: EventKind,
    public title: string,
    public description: string,
    public startsAt: Date,
    public endsAt: Date | null,
    public sessions: Date[],
    public capacity: number,
    public reservedPlaces: number,
    public priceP: number | null,
    public bookingCutoff: Date | null,
    public eligibility: Eligibility,
    public status: EventStatus,
    public invitationMessageId: string | null,
    readonly createdBy: UserId,
    readonly createdAt: Date,
    public updatedAt: Date,
    /** Places held (confirmed or offered); written only by the store's conditional updates. */
    readonly taken: number = 0,
    public priceUnit: PriceUnit | null = null,
    public priorityBookingUntil: Date | null = null,
    public paymentTerms: PaymentTerms | null = null,
  ) {}

  static create(
    ids: { id: string; schoolId: SchoolId; trustId: TrustId; by: UserId },
    details: EventDetails,
    now: Date,
  ): SchoolEvent {
    checkDetails(details);
    return new SchoolEvent(
      ids.id,
      ids.schoolId,
      ids.trustId,
      details.kind,
      details.title,
      details.description,
      details.startsAt,
      details.endsAt,
      [...details.sessions],
      details.capacity,
      details.reservedPlaces,
      details.priceP,
      details.bookingCutoff,
      details.eligibility,
      'draft',
      null,
      ids.by,
      now,
      now,
      0,
      priceUnitOf(details),
      details.priorityBookingUntil ?? null,
      details.priceP === null ? null : (details.paymentTerms ?? null),
    );
  }

  details(): EventDetails {
    return {
      kind: this.kind,
      title: this.title,
      description: this.description,
      startsAt: this.startsAt,
      endsAt: this.endsAt,
      sessions: this.sessions,
      capacity: this.capacity,
      reservedPlaces: this.reservedPlaces,
      priceP: this.priceP,
      priceUnit: this.priceUnit,
      bookingCutoff: this.bookingCutoff,
      priorityBookingUntil: this.priorityBookingUntil,
      paymentTerms: this.paymentTerms,
      eligibility: this.eligibility,
    };
  }

  /** Staff change a draft; once published, the families invited saw it as it was. */
  edit(changes: Partial<EventDetails>, now: Date): void {
    if (this.status !== 'draft') {
      throw new EventConflict('Only a draft event can be edited', 'EVENTS.NOT_EDITABLE');
    }
    const next = { ...this.details(), ...changes };
    checkDetails(next);
    Object.assign(this, {
      ...next,
      sessions: [...next.sessions],
      priceUnit: priceUnitOf(next),
      priorityBookingUntil: next.priorityBookingUntil ?? null,
      paymentTerms: next.priceP === null ? null : (next.paymentTerms ?? null),
      updatedAt: now,
    });
  }

  /**
   * Once published, only the title, description and dates may change (the families invited booked on the rest).
   * Answers whether the dates moved: a key detail that asks the families for consent again.
   */
  editPublished(changes: Partial<EventDetails>, now: Date): { readonly datesMoved: boolean } {
    if (this.status !== 'published') {
      return this.editDraft(changes, now);
    }
    const current = this.details();
    const next = { ...current, ...changes };
    const fixed = (d: EventDetails) =>
      JSON.stringify({
        ...d,
        title: '',
        description: '',
        startsAt: 0,
        endsAt: 0,
        sessions: [],
        priceUnit: priceUnitOf(d),
        priorityBookingUntil: d.priorityBookingUntil ? new Date(d.priorityBookingUntil).getTime() : null,
        paymentTerms: d.paymentTerms
          ? {
              ...d.paymentTerms,
              balanceDueAt: d.paymentTerms.balanceDueAt
                ? new Date(d.paymentTerms.balanceDueAt).getTime()
                : null,
            }
          : null,
      });
    if (fixed(next) !== fixed(current)) {
      throw new EventConflict(
        'Once published, only the title, description and dates can change',
        'EVENTS.NOT_EDITABLE',
      );
    }
    checkDetails(next);
    const when = (d: EventDetails) =>
      JSON.stringify([d.startsAt, d.endsAt, d.sessions.map((s) => new Date(s).getTime())]);
    const datesMoved = when(next) !== when(current);
    Object.assign(this, { ...next, sessions: [...next.sessions], updatedAt: now });
    return { datesMoved };
  }

  private editDraft(changes: Partial<EventDetails>, now: Date): { readonly datesMoved: boolean } {
    this.edit(changes, now);
    return { datesMoved: false };
  }

  /**
   * When booking opens for this pupil, if not yet: in the priority window, pupils who may not take a reserved
   * place (neither Pupil Premium nor free school meals) wait for its end.
   */
  opensFor(mayTakeReserved: boolean, now: Date): Date | null {
    const until = this.priorityBookingUntil;
    return !mayTakeReserved && until && now.getTime() < until.getTime() ? until : null;
  }

  /** May a parent still book or cancel? Until the cut-off, on a published event. */
  bookable(now: Date): boolean {
    return (
      this.status === 'published' && (!this.bookingCutoff || now.getTime() < this.bookingCutoff.getTime())
    );
  }
}

export function checkDetails(d: EventDetails): void {
  const errors: FieldError[] = [];
  if (!d.title.trim()) {
    errors.push({ field: 'title', message: 'must not be empty' });
  }
  if (Number.isNaN(d.startsAt.getTime())) {
    errors.push({ field: 'startsAt', message: 'is needed' });
  }
  if (d.kind === 'trip' && (!d.endsAt || d.endsAt.getTime() <= d.startsAt.getTime())) {
    errors.push({ field: 'endsAt', message: 'a trip ends after it starts' });
  }
  if (d.kind === 'club' && d.sessions.length === 0) {
    errors.push({ field: 'sessions', message: 'a club has at least one session' });
  }
  if (d.reservedPlaces > d.capacity) {
    errors.push({ field: 'reservedPlaces', message: 'cannot be more than the capacity' });
  }
  if (d.bookingCutoff && d.bookingCutoff.getTime() > d.startsAt.getTime()) {
    errors.push({ field: 'bookingCutoff', message: 'must be before the event starts' });
  }
  if (d.priceUnit && d.priceP === null) {
    errors.push({ field: 'priceUnit', message: 'is for a price; this event is free' });
  } else if (d.priceUnit && d.kind === 'trip' && d.priceUnit !== 'event') {
    errors.push({ field: 'priceUnit', message: 'a trip is priced per trip' });
  } else if (d.priceUnit && d.kind === 'club' && d.priceUnit === 'event') {
    errors.push({ field: 'priceUnit', message: 'a club is priced per term or per session' });
  }
  const priority = d.priorityBookingUntil;
  if (priority && priority.getTime() >= d.startsAt.getTime()) {
    errors.push({ field: 'priorityBookingUntil', message: 'must be before the event starts' });
  } else if (priority && d.bookingCutoff && priority.getTime() >= d.bookingCutoff.getTime()) {
    errors.push({ field: 'priorityBookingUntil', message: 'must be before the booking cut-off' });
  }
  if (d.paymentTerms) {
    errors.push(...checkPaymentTerms(d.paymentTerms, d));
  }
  if (errors.length) {
    throw new ValidationFailed('The event is not valid', errors);
  }
}

/** The unit a price is for: as given, else per trip for a trip and per term for a club; none when free. */
export function priceUnitOf(d: EventDetails): PriceUnit | null {
  if (d.priceP === null) {
    return null;
  }
  return d.priceUnit ?? (d.kind === 'club' ? 'term' : 'event');
}
