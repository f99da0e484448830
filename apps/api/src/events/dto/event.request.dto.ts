import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ELIGIBILITY_CHARACTERISTICS,
  EVENT_KINDS,
  EVENT_STATUSES,
  PRICE_UNITS,
  type EventStatus,
  type EventDetails,
  type PriceUnit,
  type EventKind,
  type EligibilityCharacteristic,
} from '@rowan/events';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { PupilSelectorsDto } from '../../http/pupil-selectors.dto';
import { ConsentAnswersRequest } from './consent.request.dto';
import { PaymentTermsDto } from './payment-terms.dto';

/** `?status=` on the events list, besides the page. */
export class ListEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_STATUSES, description: 'Only events in this state' })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;
}

/** Who an event is for: the shared pupil rules, narrowed by Pupil Premium, FSM or SEN. */
export class EligibilityDto extends PupilSelectorsDto {
  @ApiPropertyOptional({
    enum: ELIGIBILITY_CHARACTERISTICS,
    isArray: true,
    description: 'Narrows to pupils with any',
  })
  @IsOptional()
  @IsIn(ELIGIBILITY_CHARACTERISTICS, { each: true })
  characteristics?: EligibilityCharacteristic[];

  toRules(): EventDetails['eligibility'] {
    return { ...this.selectors(), characteristics: this.characteristics ?? [] };
  }
}

export class CreateEventRequest {
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind!: EventKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'A trip’s start (a club starts with its first session)',
  })
  @IsOptional()
  @IsDateString()
  startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'A trip’s end' })
  @IsOptional()
  @IsDateString()
  endsAt?: string;
  @ApiPropertyOptional({ type: [String], format: 'date-time', description: 'A club’s sessions this term' })
  @IsOptional()
  @IsDateString({}, { each: true })
  @ArrayMaxSize(100)
  sessions?: string[];
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10_000) capacity!: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Places only Pupil Premium and FSM pupils may take' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  reservedPlaces?: number;
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Price in pence for each `priceUnit`; none is free',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priceP?: number;
  @ApiPropertyOptional({
    enum: PRICE_UNITS,
    description:
      'What the price pays for: a trip is per trip (`event`); a club per `term` (the default) or `session`',
  })
  @IsOptional()
  @IsIn(PRICE_UNITS)
  priceUnit?: PriceUnit;
  @ApiPropertyOptional({ format: 'date-time', description: 'Parents book and cancel until then' })
  @IsOptional()
  @IsDateString()
  bookingCutoff?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Early booking for Pupil Premium and free-school-meals pupils: until then only they may book; then everyone invited',
  })
  @IsOptional()
  @IsDateString()
  priorityBookingUntil?: string;
  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
  @ApiPropertyOptional({ type: PaymentTermsDto, nullable: true, description: 'Only for a priced event' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentTermsDto)
  paymentTerms?: PaymentTermsDto | null;

  toDetails(): EventDetails {
    const sessions = (this.sessions ?? []).map((s) => new Date(s)).sort((a, b) => a.getTime() - b.getTime());
    const startsAt =
      this.kind === 'club' && sessions[0] ? sessions[0] : new Date(this.startsAt ?? Number.NaN);
    return {
      kind: this.kind,
      title: this.title,
      description: this.description ?? '',
      startsAt,
      endsAt: this.endsAt ? new Date(this.endsAt) : null,
      sessions,
      capacity: this.capacity,
      reservedPlaces: this.reservedPlaces ?? 0,
      priceP: this.priceP ?? null,
      priceUnit: this.priceUnit ?? null,
      bookingCutoff: this.bookingCutoff ? new Date(this.bookingCutoff) : null,
      priorityBookingUntil: this.priorityBookingUntil ? new Date(this.priorityBookingUntil) : null,
      paymentTerms: this.paymentTerms ? this.paymentTerms.toTerms() : null,
      eligibility: (this.eligibility ?? new EligibilityDto()).toRules(),
    };
  }
}

export class BookPlaceRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() eventId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() pupilId!: string;
  @ApiPropertyOptional({
    type: ConsentAnswersRequest,
    description: 'Answers to the event’s consent form (they may also be given after booking)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentAnswersRequest)
  consent?: ConsentAnswersRequest;
}

export class StaffBookPlaceRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pupilId!: string;
}
