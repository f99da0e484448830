import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FiguresView, MessagingReport, PeriodView, ReportInterval } from '@rowan/communications';
import { IsIn, IsOptional, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=&to=&interval=`: UK dates, inclusive; the last twelve months by default. */
export class MessagingAnalyticsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First UK day (default: twelve periods before `to`)' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last UK day, inclusive (default: today)' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['week', 'month'])
  interval?: ReportInterval;

  toRange() {
    return { from: this.from, to: this.to, interval: this.interval };
  }
}

class ChannelFiguresDto {
  @ApiProperty({ description: 'Deliveries on this channel' }) total!: number;
  @ApiProperty({ description: 'Of those, sent, delivered or read' }) reached!: number;
}

class DeliveriesByChannelDto {
  @ApiProperty({ type: ChannelFiguresDto }) app!: ChannelFiguresDto;
  @ApiProperty({ type: ChannelFiguresDto }) email!: ChannelFiguresDto;
  @ApiProperty({ type: ChannelFiguresDto }) sms!: ChannelFiguresDto;
}

export class MessagingFiguresDto {
  @ApiProperty({ description: 'Messages that began sending in the period' }) messages!: number;
  @ApiProperty({ description: 'People those messages were for (one per family contact or staff member)' })
  recipients!: number;
  @ApiProperty({
    description:
      'Recipients with at least one delivery now sent, delivered or read (not failed, bounced or opted out)',
  })
  reached!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'reached / recipients (0 to 1); null for none' })
  reachRate!: number | null;
  @ApiProperty({ type: DeliveriesByChannelDto, description: 'Deliveries of those messages by channel' })
  deliveries!: DeliveriesByChannelDto;
  @ApiProperty({
    description: 'SMS segments handed to the provider in the period (reported, else estimated)',
  })
  smsSegments!: number;
  @ApiProperty({ description: 'Those segments at the school’s price per segment, in pence' })
  smsCostPence!: number;

  static from(f: FiguresView): MessagingFiguresDto {
    return {
      messages: f.messages,
      recipients: f.recipients,
      reached: f.reached,
      reachRate: f.reachRate,
      deliveries: {
        app: { ...f.deliveries.app },
        email: { ...f.deliveries.email },
        sms: { ...f.deliveries.sms },
      },
      smsSegments: f.smsSegments,
      smsCostPence: f.smsCostPence,
    };
  }
}

export class MessagingPeriodDto extends MessagingFiguresDto {
  @ApiProperty({ format: 'date', description: 'First UK day of the week (Monday) or month' })
  firstDay!: string;
  @ApiProperty({ format: 'date', description: 'Last UK day of the period' }) lastDay!: string;

  static fromPeriod(p: PeriodView): MessagingPeriodDto {
    return { firstDay: p.firstDay, lastDay: p.lastDay, ...MessagingFiguresDto.from(p) };
  }
}

class MessagingReportDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: ['week', 'month'] }) interval!: string;
  @ApiProperty({ enum: ['Europe/London'], description: 'Periods are UK calendar weeks or months' })
  timeZone!: string;
  @ApiProperty({ type: [MessagingPeriodDto] }) periods!: MessagingPeriodDto[];
  @ApiProperty({ type: MessagingFiguresDto }) totals!: MessagingFiguresDto;

  protected static report(r: MessagingReport): MessagingReportDto {
    return {
      from: r.from,
      to: r.to,
      interval: r.interval,
      timeZone: 'Europe/London',
      periods: r.periods.map((p) => MessagingPeriodDto.fromPeriod(p)),
      totals: MessagingFiguresDto.from(r.totals),
    };
  }
}

export class SchoolMessagingAnalyticsDto extends MessagingReportDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;

  static from(r: MessagingReport & { schoolId: string }): SchoolMessagingAnalyticsDto {
    return { schoolId: r.schoolId, ...MessagingReportDto.report(r) };
  }
}

class TrustSchoolAnalyticsDto extends SchoolMessagingAnalyticsDto {
  @ApiProperty() name!: string;
}

export class TrustMessagingAnalyticsDto extends MessagingReportDto {
  @ApiProperty({ format: 'uuid' }) trustId!: string;
  @ApiProperty({ type: [TrustSchoolAnalyticsDto], description: 'Each school of the trust, by name' })
  schools!: TrustSchoolAnalyticsDto[];

  static fromTrust(
    r: MessagingReport & {
      trustId: string;
      schools: ReadonlyArray<MessagingReport & { schoolId: string; name: string }>;
    },
  ): TrustMessagingAnalyticsDto {
    return {
      trustId: r.trustId,
      ...MessagingReportDto.report(r),
      schools: [...r.schools]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ name: s.name, ...SchoolMessagingAnalyticsDto.from(s) })),
    };
  }
}
