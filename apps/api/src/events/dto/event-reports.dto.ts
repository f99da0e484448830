import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  BOOKING_STATES,
  CONSENT_STATES,
  EQUITY_GROUPS,
  type EquityLine,
  type Equity,
  type EventEquityReport,
  type EventParticipationReport,
  type GroupParticipationReport,
  type ParticipationLine,
  type SchoolEquityReport,
  type SchoolEventsLine,
  type TakeUp,
  type TrustEventsSummary,
} from '@rowan/events';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ExportQuery } from '../../http/report-export';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=&to=`: UK days, inclusive; the current academic year by default. */
export class ReportDatesQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First UK day (default: 1 September of this academic year)',
  })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last UK day, inclusive (default: 31 August)' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class ReportDatesExportQuery extends IntersectionType(ReportDatesQuery, ExportQuery) {}

/** A year group or a class (exactly one), over a date range. */
export class GroupParticipationQuery extends ReportDatesQuery {
  @ApiPropertyOptional({ minimum: -3, maximum: 14, description: 'National curriculum year (0 is Reception)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-3)
  @Max(14)
  ncYear?: number;

  @ApiPropertyOptional({ description: 'Registration class, as the MIS names it (e.g. 5B)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationGroup?: string;
}

export class GroupParticipationExportQuery extends IntersectionType(GroupParticipationQuery, ExportQuery) {}

export class ParticipationLineDto {
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ type: Number, nullable: true }) ncYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) yearGroup!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Registration class' })
  registrationGroup!: string | null;
  @ApiProperty() pupilPremium!: boolean;
  @ApiProperty() freeSchoolMeals!: boolean;
  @ApiProperty() sen!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bookingId!: string | null;
  @ApiProperty({
    enum: [...BOOKING_STATES, 'not_responded'],
    description: 'The live booking’s state, else cancelled (if they cancelled), else not_responded',
  })
  state!: string;
  @ApiProperty({
    enum: CONSENT_STATES,
    nullable: true,
    description: 'not_needed without a form; null when the pupil holds no live booking',
  })
  consent!: string | null;
  @ApiProperty({ description: 'Registers marking them present' }) sessionsPresent!: number;
  @ApiProperty({ description: 'Registers marking them absent' }) sessionsAbsent!: number;

  static from(l: ParticipationLine): ParticipationLineDto {
    return {
      pupilId: l.pupilId,
      forename: l.forename,
      surname: l.surname,
      ncYear: l.ncYear,
      yearGroup: l.yearGroup,
      registrationGroup: l.registrationGroup,
      pupilPremium: l.pupilPremium,
      freeSchoolMeals: l.freeSchoolMeals,
      sen: l.sen,
      bookingId: l.bookingId,
      state: l.state,
      consent: l.consent,
      sessionsPresent: l.sessionsPresent,
      sessionsAbsent: l.sessionsAbsent,
    };
  }
}

export class EventParticipationReportDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() hasConsentForm!: boolean;
  @ApiProperty({ description: 'Registers the event keeps: a club’s sessions, a trip’s one' })
  registers!: number;
  @ApiProperty({ type: [ParticipationLineDto], description: 'Invited pupils by surname, forename' })
  items!: ParticipationLineDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static from(r: EventParticipationReport): EventParticipationReportDto {
    return {
      eventId: r.eventId,
      title: r.title,
      kind: r.kind,
      startsAt: r.startsAt.toISOString(),
      hasConsentForm: r.hasConsentForm,
      registers: r.registers,
      items: r.page.items.map((l) => ParticipationLineDto.from(l)),
      nextCursor: r.page.nextCursor,
    };
  }
}

export class TakeUpDto {
  @ApiProperty() invited!: number;
  @ApiProperty({ description: 'Holding a confirmed place' }) booked!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'booked / invited (0 to 1); null for none invited',
  })
  rate!: number | null;

  static from(t: TakeUp): TakeUpDto {
    return { invited: t.invited, booked: t.booked, rate: t.rate };
  }
}

export class EquityLineDto {
  @ApiProperty({ enum: EQUITY_GROUPS }) group!: string;
  @ApiProperty({ type: TakeUpDto, description: 'Invited pupils with the characteristic' }) with!: TakeUpDto;
  @ApiProperty({ type: TakeUpDto, description: 'The rest of those invited' }) without!: TakeUpDto;
  @ApiProperty({ type: Number, nullable: true, description: 'with minus without, in percentage points' })
  gapPoints!: number | null;

  static from(l: EquityLine): EquityLineDto {
    return {
      group: l.group,
      with: TakeUpDto.from(l.with),
      without: TakeUpDto.from(l.without),
      gapPoints: l.gapPoints,
    };
  }
}

class EquityDto {
  @ApiProperty({ type: TakeUpDto, description: 'Everyone invited' }) all!: TakeUpDto;
  @ApiProperty({ type: [EquityLineDto] }) lines!: EquityLineDto[];

  protected static equity(e: Equity): EquityDto {
    return { all: TakeUpDto.from(e.all), lines: e.lines.map((l) => EquityLineDto.from(l)) };
  }
}

export class EventEquityReportDto extends EquityDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;

  static from(r: EventEquityReport): EventEquityReportDto {
    return { eventId: r.eventId, title: r.title, ...EquityDto.equity(r) };
  }
}

export class SchoolEquityReportDto extends EquityDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;

  static from(r: SchoolEquityReport): SchoolEquityReportDto {
    return { schoolId: r.schoolId, from: r.from, to: r.to, ...EquityDto.equity(r) };
  }
}

export class GroupEventDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: 'Pupils of the group invited' }) invited!: number;
  @ApiProperty({ description: 'Of them, holding a confirmed place' }) booked!: number;
  @ApiProperty({ description: 'Of them, marked present at one register or more' }) attended!: number;
}

export class GroupParticipationReportDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ type: Number, nullable: true }) ncYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) registrationGroup!: string | null;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [GroupEventDto], description: 'Trips and clubs that invited the group, by start' })
  events!: GroupEventDto[];

  static from(r: GroupParticipationReport): GroupParticipationReportDto {
    return {
      schoolId: r.schoolId,
      ncYear: r.group.kind === 'year' ? r.group.ncYear : null,
      registrationGroup: r.group.kind === 'class' ? r.group.registrationGroup : null,
      from: r.from,
      to: r.to,
      events: r.events.map((e) => ({
        eventId: e.eventId,
        title: e.title,
        kind: e.kind,
        status: e.status,
        startsAt: e.startsAt.toISOString(),
        invited: e.invited,
        booked: e.booked,
        attended: e.attended,
      })),
    };
  }
}

export class SchoolEventsLineDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Published or cancelled trips and clubs starting in the range' })
  events!: number;
  @ApiProperty({ type: TakeUpDto }) all!: TakeUpDto;
  @ApiProperty({ type: TakeUpDto }) pupilPremium!: TakeUpDto;
  @ApiProperty({ type: TakeUpDto }) freeSchoolMeals!: TakeUpDto;

  static from(s: SchoolEventsLine): SchoolEventsLineDto {
    return {
      schoolId: s.schoolId,
      name: s.name,
      events: s.events,
      all: TakeUpDto.from(s.all),
      pupilPremium: TakeUpDto.from(s.pupilPremium),
      freeSchoolMeals: TakeUpDto.from(s.freeSchoolMeals),
    };
  }
}

export class TrustEventsSummaryDto {
  @ApiProperty({ format: 'uuid' }) trustId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [SchoolEventsLineDto], description: 'Each school of the trust, by name' })
  schools!: SchoolEventsLineDto[];

  static from(s: TrustEventsSummary): TrustEventsSummaryDto {
    return {
      trustId: s.trustId,
      name: s.name,
      from: s.from,
      to: s.to,
      schools: s.schools.map((x) => SchoolEventsLineDto.from(x)),
    };
  }
}
