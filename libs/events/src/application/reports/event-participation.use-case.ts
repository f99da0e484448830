import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import {
  fileSlug,
  pagedRows,
  type Page,
  type PageRequest,
  type SchoolId,
  type TabularReport,
} from '@rowan/kernel';
import type { ConsentState } from '../../domain/consent';
import type { SchoolEvent } from '../../domain/event';
import { eventFor } from '../event-scope';
import { ConsentStore } from '../ports/consent.store';
import { EventReports, type ParticipationRow } from '../ports/event-reports';
import { EventRepository } from '../ports/event.repository';

export interface ParticipationLine extends ParticipationRow {
  /** `not_needed` without a form; null for a pupil holding no live booking (nothing to consent to). */
  readonly consent: ConsentState | null;
}

export interface EventParticipationReport {
  readonly eventId: string;
  readonly title: string;
  readonly kind: string;
  readonly startsAt: Date;
  readonly hasConsentForm: boolean;
  /** Registers the event keeps: a club's sessions, a trip's one. */
  readonly registers: number;
  readonly page: Page<ParticipationLine>;
}

type Input = { readonly actor: Actor; readonly schoolId: SchoolId; readonly eventId: string };

const LIVE = new Set(['confirmed', 'held', 'waitlisted', 'offered']);

function consentOf(row: ParticipationRow, hasForm: boolean): ConsentState | null {
  if (!hasForm) {
    return 'not_needed';
  }
  if (!LIVE.has(row.state)) {
    return null;
  }
  if (!row.consents) {
    return 'missing';
  }
  return row.freshConsents ? 'given' : 'stale';
}

const registersOf = (event: SchoolEvent) => (event.kind === 'club' ? event.sessions.length : 1);

/** Shared by the JSON page and the export: the event, once the actor may read reports there. */
@Injectable()
export class EventParticipationReader {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly consents: ConsentStore,
    private readonly reports: EventReports,
  ) {}

  async open(input: Input) {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'reports:read');
    const hasForm = !!(await this.consents.formOf(event.id))?.questions.length;
    const read = async (page: PageRequest): Promise<Page<ParticipationLine>> => {
      const rows = await this.reports.participation(school.id, event.id, page);
      return { ...rows, items: rows.items.map((r) => ({ ...r, consent: consentOf(r, hasForm) })) };
    };
    return { event, hasForm, read };
  }
}

/** Every invited pupil of an event: flags, booking state, consent and attendance; cursor paged. */
@Injectable()
export class GetEventParticipationReportUseCase {
  constructor(private readonly reader: EventParticipationReader) {}

  async execute(input: Input & { readonly page: PageRequest }): Promise<EventParticipationReport> {
    const { event, hasForm, read } = await this.reader.open(input);
    return {
      eventId: event.id,
      title: event.title,
      kind: event.kind,
      startsAt: event.startsAt,
      hasConsentForm: hasForm,
      registers: registersOf(event),
      page: await read(input.page),
    };
  }
}

const EXPORT_PAGE = 500;

/** The same as a table for CSV or Excel, read page by page as the file is written. */
@Injectable()
export class ExportEventParticipationReportUseCase {
  constructor(private readonly reader: EventParticipationReader) {}

  async execute(input: Input): Promise<TabularReport> {
    const { event, read } = await this.reader.open(input);
    return {
      title: `Participation ${event.title}`,
      filename: `participation-${fileSlug(event.title)}`,
      columns: [
        { header: 'Surname', kind: 'text' },
        { header: 'Forename', kind: 'text' },
        { header: 'Year group', kind: 'text' },
        { header: 'Class', kind: 'text' },
        { header: 'Pupil Premium', kind: 'boolean' },
        { header: 'FSM', kind: 'boolean' },
        { header: 'SEN', kind: 'boolean' },
        { header: 'Booking', kind: 'text' },
        { header: 'Consent', kind: 'text' },
        { header: 'Sessions present', kind: 'integer' },
        { header: 'Sessions absent', kind: 'integer' },
      ],
      rows: () =>
        pagedRows(
          (cursor) => read({ cursor, limit: EXPORT_PAGE }),
          (r) => [
            r.surname,
            r.forename,
            r.yearGroup,
            r.registrationGroup,
            r.pupilPremium,
            r.freeSchoolMeals,
            r.sen,
            r.state.replace('_', ' '),
            r.consent?.replace('_', ' ') ?? null,
            r.sessionsPresent,
            r.sessionsAbsent,
          ],
        ),
    };
  }
}
