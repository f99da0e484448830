import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, fileSlug, type SchoolId, type TabularReport } from '@rowan/kernel';
import { EQUITY_GROUP_LABELS, equityOf, percent, type Equity } from '../../domain/take-up';
import { eventFor } from '../event-scope';
import { EventReports } from '../ports/event-reports';
import { EventRepository } from '../ports/event.repository';
import { reportRange, type ReportDates } from './report-range';

export interface EventEquityReport extends Equity {
  readonly eventId: string;
  readonly title: string;
}

export interface SchoolEquityReport extends Equity {
  readonly schoolId: SchoolId;
  readonly from: string;
  readonly to: string;
}

/** One event's take-up by Pupil Premium, FSM and SEN pupils against the rest of those invited. */
@Injectable()
export class GetEventEquityReportUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly reports: EventReports,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly eventId: string;
  }): Promise<EventEquityReport> {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'reports:read');
    const cohort = await this.reports.cohort(school.id, { eventId: event.id });
    return { eventId: event.id, title: event.title, ...equityOf(cohort) };
  }
}

/** The same across the school's trips and clubs starting in a date range (every invitation counted once). */
@Injectable()
export class GetSchoolEquityReportUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly reports: EventReports,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: ReportDates & { readonly actor: Actor; readonly schoolId: SchoolId },
  ): Promise<SchoolEquityReport> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'reports:read');
    const range = reportRange(input, this.clock.now());
    const cohort = await this.reports.cohort(school.id, { range: range.instants });
    return { schoolId: school.id, from: range.from, to: range.to, ...equityOf(cohort) };
  }
}

/** Equity as a table: one row per characteristic, then everyone invited. */
export function equityTable(equity: Equity, name: string): TabularReport {
  return {
    title: `Equity ${name}`,
    filename: `equity-${fileSlug(name)}`,
    columns: [
      { header: 'Pupils', kind: 'text' },
      { header: 'Invited', kind: 'integer' },
      { header: 'Booked', kind: 'integer' },
      { header: 'Take-up (%)', kind: 'percent' },
      { header: 'Others invited', kind: 'integer' },
      { header: 'Others booked', kind: 'integer' },
      { header: 'Others take-up (%)', kind: 'percent' },
      { header: 'Gap (points)', kind: 'percent' },
    ],
    async *rows() {
      for (const l of equity.lines) {
        yield [
          EQUITY_GROUP_LABELS[l.group],
          l.with.invited,
          l.with.booked,
          percent(l.with.rate),
          l.without.invited,
          l.without.booked,
          percent(l.without.rate),
          l.gapPoints,
        ];
      }
      yield [
        'All invited',
        equity.all.invited,
        equity.all.booked,
        percent(equity.all.rate),
        null,
        null,
        null,
        null,
      ];
    },
  };
}
