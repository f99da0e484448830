import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, fileSlug, ValidationFailed, type SchoolId, type TabularReport } from '@rowan/kernel';
import { EventReports, type GroupEventRow, type PupilGroup } from '../ports/event-reports';
import { reportRange, type ReportDates } from './report-range';

export interface GroupParticipationReport {
  readonly schoolId: SchoolId;
  readonly group: PupilGroup;
  readonly from: string;
  readonly to: string;
  readonly events: readonly GroupEventRow[];
}

/** Exactly one of a year (`ncYear`) or a class (`registrationGroup`). */
function groupOf(input: { ncYear?: number; registrationGroup?: string }): PupilGroup {
  const hasYear = input.ncYear !== undefined;
  const hasClass = input.registrationGroup !== undefined && input.registrationGroup !== '';
  if (hasYear === hasClass) {
    throw new ValidationFailed('Choose a year group or a class', [
      { field: 'ncYear', message: 'give ncYear or registrationGroup, not both or neither' },
    ]);
  }
  return hasYear
    ? { kind: 'year', ncYear: input.ncYear! }
    : { kind: 'class', registrationGroup: input.registrationGroup! };
}

/** For a year group or a class: each of the school's events in the range with invited, booked and attended. */
@Injectable()
export class GetGroupParticipationReportUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly reports: EventReports,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: ReportDates & {
      readonly actor: Actor;
      readonly schoolId: SchoolId;
      readonly ncYear?: number;
      readonly registrationGroup?: string;
    },
  ): Promise<GroupParticipationReport> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'reports:read');
    const group = groupOf(input);
    const range = reportRange(input, this.clock.now());
    const events = await this.reports.groupParticipation(school.id, group, range.instants);
    return { schoolId: school.id, group, from: range.from, to: range.to, events };
  }
}

export const groupLabel = (group: PupilGroup) =>
  group.kind === 'year' ? `Year ${group.ncYear}` : `Class ${group.registrationGroup}`;

/** The report as a table for CSV or Excel. */
export function groupParticipationTable(report: GroupParticipationReport): TabularReport {
  const label = groupLabel(report.group);
  return {
    title: `${label} participation`,
    filename: `participation-${fileSlug(label)}-${report.from}-to-${report.to}`,
    columns: [
      { header: 'Event', kind: 'text' },
      { header: 'Kind', kind: 'text' },
      { header: 'Status', kind: 'text' },
      { header: 'Starts', kind: 'datetime' },
      { header: 'Invited', kind: 'integer' },
      { header: 'Booked', kind: 'integer' },
      { header: 'Attended', kind: 'integer' },
    ],
    async *rows() {
      for (const e of report.events) {
        yield [e.title, e.kind, e.status, e.startsAt, e.invited, e.booked, e.attended];
      }
    },
  };
}
