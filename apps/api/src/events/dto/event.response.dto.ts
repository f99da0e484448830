import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  BOOKING_STATES,
  CONSENT_STATES,
  type ConsentState,
  type ParticipantView,
  ALL_EVENT_KINDS,
  PRICE_UNITS,
  type PriceUnit,
  type BookingState,
  type BookingView,
  type ChildInvitations,
  type EligiblePupil,
  type EventView,
  type InvitationMoney,
  type Quote,
} from '@rowan/events';
import { ConsentQuestionViewDto } from './consent.response.dto';
import { EligibilityDto } from './event.request.dto';
import { PaymentTermsDto } from './payment-terms.dto';

export class EventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: ALL_EVENT_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty({ type: [String], format: 'date-time' }) sessions!: string[];
  @ApiProperty() capacity!: number;
  @ApiProperty() reservedPlaces!: number;
  @ApiProperty({ description: 'Places held (confirmed or offered)' }) taken!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Pence' }) priceP!: number | null;
  @ApiProperty({ enum: PRICE_UNITS, nullable: true, description: 'What the price pays for' })
  priceUnit!: PriceUnit | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) bookingCutoff!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until then only Pupil Premium and free-school-meals pupils may book',
  })
  priorityBookingUntil!: string | null;
  @ApiProperty({ type: PaymentTermsDto, nullable: true }) paymentTerms!: PaymentTermsDto | null;
  @ApiProperty({ type: EligibilityDto }) eligibility!: object;
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] }) status!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The invitation message',
  })
  invitationMessageId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(e: EventView): EventDto {
    return {
      id: e.id,
      schoolId: e.schoolId,
      kind: e.kind,
      title: e.title,
      description: e.description,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt?.toISOString() ?? null,
      sessions: e.sessions.map((s) => new Date(s).toISOString()),
      capacity: e.capacity,
      reservedPlaces: e.reservedPlaces,
      taken: e.taken,
      priceP: e.priceP,
      priceUnit: e.priceUnit,
      bookingCutoff: e.bookingCutoff?.toISOString() ?? null,
      priorityBookingUntil: e.priorityBookingUntil?.toISOString() ?? null,
      paymentTerms: e.paymentTerms ? PaymentTermsDto.from(e.paymentTerms) : null,
      eligibility: {
        ncYears: [...e.eligibility.ncYears],
        groupIds: [...e.eligibility.groupIds],
        pupilIds: [...e.eligibility.pupilIds],
        characteristics: [...e.eligibility.characteristics],
      },
      status: e.status,
      invitationMessageId: e.invitationMessageId,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

/**
 * An event as a parent sees it in their invitations: without its eligibility rules, whose named pupils and groups
 * are other families' children.
 */
export class InvitedEventDto extends OmitType(EventDto, ['eligibility'] as const) {
  static from(e: EventView): InvitedEventDto {
    const { eligibility: _rules, ...event } = EventDto.from(e);
    return event;
  }
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) items!: EventDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class EligiblePupilDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ nullable: true, type: Number }) ncYear!: number | null;
  @ApiProperty({ description: 'Pupil Premium or FSM: may take a reserved place' }) mayTakeReserved!: boolean;
}

export class EligiblePreviewDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [EligiblePupilDto] }) pupils!: EligiblePupilDto[];

  static from(p: { count: number; pupils: EligiblePupil[] }): EligiblePreviewDto {
    return {
      count: p.count,
      pupils: p.pupils.map((x) => ({
        id: x.id,
        forename: x.forename,
        surname: x.surname,
        ncYear: x.ncYear,
        mayTakeReserved: x.mayTakeReserved,
      })),
    };
  }
}

export class BookingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty({ enum: BOOKING_STATES }) state!: BookingState;
  @ApiProperty({ nullable: true, type: Number, description: 'On the waiting list: 1 is first' })
  position!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) offerExpiresAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Held for payment: the place is let go if not paid by then',
  })
  holdExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(b: BookingView): BookingDto {
    return {
      id: b.id,
      eventId: b.eventId,
      pupilId: b.pupilId,
      state: b.state,
      position: b.position,
      offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null,
      holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
      createdAt: b.createdAt.toISOString(),
    };
  }
}

class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ enum: BOOKING_STATES }) state!: BookingState;
  @ApiProperty({ enum: CONSENT_STATES }) consent!: ConsentState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(p: ParticipantView): ParticipantDto {
    return {
      bookingId: p.bookingId,
      pupilId: p.pupilId,
      forename: p.forename,
      surname: p.surname,
      state: p.state,
      consent: p.consent,
      createdAt: p.createdAt.toISOString(),
    };
  }
}

export class ParticipantPageDto {
  @ApiProperty({ type: [ParticipantDto] }) items!: ParticipantDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;

  static from(page: { items: readonly ParticipantView[]; nextCursor: string | null }): ParticipantPageDto {
    return { items: page.items.map(ParticipantDto.from), nextCursor: page.nextCursor };
  }
}

class InvitedChildDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ nullable: true, type: String }) yearGroup!: string | null;
}

class PriceLineDto {
  @ApiProperty({ enum: ['charge', 'subsidy', 'discount'] }) entry!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Pence' }) amountP!: number;
}

export class QuoteDto {
  @ApiProperty({ type: [PriceLineDto], description: 'The charge, then any subsidy and discount taken off' })
  lines!: PriceLineDto[];
  @ApiProperty({ description: 'Pence the family pays in all' }) dueP!: number;
  @ApiProperty({ description: 'Pence asked for when booking (the deposit, or everything)' }) dueNowP!: number;
  @ApiProperty({ description: 'Pence left after the deposit' }) balanceP!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) balanceDueAt!: string | null;

  static from(q: Quote): QuoteDto {
    return {
      lines: q.lines.map((l) => ({ ...l })),
      dueP: q.dueP,
      dueNowP: q.dueNowP,
      balanceP: q.balanceP,
      balanceDueAt: q.balanceDueAt?.toISOString() ?? null,
    };
  }
}

class NextDueDto {
  @ApiProperty({ description: 'Pence' }) amountP!: number;
  @ApiProperty({ enum: ['full', 'deposit', 'balance'] }) purpose!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
}

class InvitationMoneyDto {
  @ApiProperty() dueP!: number;
  @ApiProperty() paidP!: number;
  @ApiProperty() refundedP!: number;
  @ApiProperty() outstandingP!: number;
  @ApiProperty({ type: NextDueDto, nullable: true, description: 'What can be paid next (POST …/checkout)' })
  next!: NextDueDto | null;

  static from(m: InvitationMoney): InvitationMoneyDto {
    return { ...m, next: m.next ? { ...m.next, dueAt: m.next.dueAt?.toISOString() ?? null } : null };
  }
}

class InvitationDto {
  @ApiProperty({ type: InvitedEventDto }) event!: InvitedEventDto;
  @ApiProperty({ type: BookingDto, nullable: true }) booking!: BookingDto | null;
  @ApiProperty({ type: [ConsentQuestionViewDto], description: 'The consent form; empty when none' })
  consentQuestions!: ConsentQuestionViewDto[];
  @ApiProperty({ enum: CONSENT_STATES, description: '`stale`: please confirm consent again' })
  consent!: ConsentState;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When booking opens for this child, while the early-booking window is for others',
  })
  opensAt!: string | null;
  @ApiProperty({
    type: QuoteDto,
    nullable: true,
    description: 'Before booking a priced event: this child’s price',
  })
  price!: QuoteDto | null;
  @ApiProperty({
    type: InvitationMoneyDto,
    nullable: true,
    description: 'After booking a priced event: paid and to pay',
  })
  money!: InvitationMoneyDto | null;
}

export class ChildInvitationsDto {
  @ApiProperty({ type: InvitedChildDto }) child!: InvitedChildDto;
  @ApiProperty({ type: [InvitationDto] }) invitations!: InvitationDto[];

  static from(c: ChildInvitations): ChildInvitationsDto {
    return {
      child: { ...c.child },
      invitations: c.invitations.map((i) => ({
        event: InvitedEventDto.from(i.event),
        booking: i.booking ? BookingDto.from(i.booking) : null,
        consentQuestions: i.consentQuestions.map(ConsentQuestionViewDto.from),
        consent: i.consent,
        opensAt: i.opensAt?.toISOString() ?? null,
        price: i.price ? QuoteDto.from(i.price) : null,
        money: i.money ? InvitationMoneyDto.from(i.money) : null,
      })),
    };
  }
}

export class MyInvitationsDto {
  @ApiProperty({ type: [ChildInvitationsDto], description: 'One entry per child (a family has few)' })
  items!: ChildInvitationsDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: one page' })
  nextCursor!: string | null;
}
