import { Injectable } from '@nestjs/common';
import { authorize, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, NotFound, type SchoolId, type TabularReport, type TrustId } from '@rowan/kernel';
import { equityOf, percent, takeUp, type TakeUp } from '../../domain/take-up';
import { EventReports } from '../ports/event-reports';
import { reportRange, type ReportDates } from './report-range';

export interface SchoolEventsLine {
  readonly schoolId: SchoolId;
  readonly name: string;
  readonly events: number;
  readonly all: TakeUp;
  readonly pupilPremium: TakeUp;
  readonly freeSchoolMeals: TakeUp;
}

export interface TrustEventsSummary {
  readonly trustId: TrustId;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly schools: readonly SchoolEventsLine[];
}

/** Per school of the trust: trips and clubs run, invited, booked, take-up, and PP and FSM take-up. Trust roles. */
@Injectable()
export class GetTrustEventsSummaryUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly reports: EventReports,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: ReportDates & { readonly actor: Actor; readonly trustId: TrustId },
  ): Promise<TrustEventsSummary> {
    const trust = await this.catalogue.trust(input.trustId);
    if (!trust) {
      throw new NotFound('Trust');
    }
    // School-level roles never reach here: no school role grants trust_reports:read (403 at the guard).
    authorize(input.actor, 'trust_reports:read', { trustId: trust.id }, 'Trust');
    const range = reportRange(input, this.clock.now());
    const schools = await this.catalogue.schoolsOf([trust.id]);
    const summaries = await this.reports.schoolSummaries(
      schools.map((s) => s.id),
      range.instants,
    );
    return {
      trustId: trust.id,
      name: trust.name,
      from: range.from,
      to: range.to,
      schools: schools
        .map((s) => {
          const summary = summaries.find((x) => x.schoolId === s.id);
          const equity = equityOf(
            summary?.cohort ?? {
              all: { invited: 0, booked: 0 },
              groups: {
                pupil_premium: { invited: 0, booked: 0 },
                free_school_meals: { invited: 0, booked: 0 },
                sen: { invited: 0, booked: 0 },
              },
            },
          );
          const line = (g: string) => equity.lines.find((l) => l.group === g)!.with;
          return {
            schoolId: s.id,
            name: s.name,
            events: summary?.events ?? 0,
            all: equity.all,
            pupilPremium: takeUp(line('pupil_premium')),
            freeSchoolMeals: takeUp(line('free_school_meals')),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}

export function trustEventsSummaryTable(summary: TrustEventsSummary): TabularReport {
  return {
    title: `Events ${summary.name}`,
    filename: `trust-events-${summary.from}-to-${summary.to}`,
    columns: [
      { header: 'School', kind: 'text' },
      { header: 'Events run', kind: 'integer' },
      { header: 'Invited', kind: 'integer' },
      { header: 'Booked', kind: 'integer' },
      { header: 'Take-up (%)', kind: 'percent' },
      { header: 'PP invited', kind: 'integer' },
      { header: 'PP booked', kind: 'integer' },
      { header: 'PP take-up (%)', kind: 'percent' },
      { header: 'FSM invited', kind: 'integer' },
      { header: 'FSM booked', kind: 'integer' },
      { header: 'FSM take-up (%)', kind: 'percent' },
    ],
    async *rows() {
      for (const s of summary.schools) {
        yield [
          s.name,
          s.events,
          s.all.invited,
          s.all.booked,
          percent(s.all.rate),
          s.pupilPremium.invited,
          s.pupilPremium.booked,
          percent(s.pupilPremium.rate),
          s.freeSchoolMeals.invited,
          s.freeSchoolMeals.booked,
          percent(s.freeSchoolMeals.rate),
        ];
      }
    },
  };
}
