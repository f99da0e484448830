import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  EventReports,
  type CohortCounts,
  type GroupEventRow,
  type InstantRange,
  type ParticipationRow,
  type PupilGroup,
  type SchoolEventsSummary,
} from '@rowan/events';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeNameCursor, encodeNameCursor } from '../cursor';
import { selectRows } from '../directory/bulk-sql';

const has = (kind: string) =>
  `exists (select 1 from pupil_characteristics pc where pc.pupil_id = p.id and pc.school_id = p.school_id
     and pc.effective_to is null and pc.value <> 'none' and pc.kind = '${kind}')`;
const BOOKED = `exists (select 1 from event_bookings b where b.event_id = i.event_id and b.pupil_id = i.pupil_id
     and b.school_id = i.school_id and b.state = 'confirmed')`;
/** Trips and clubs that went out to families (a draft invited nobody; a parents' evening books no places). */
const REPORTED_EVENT = `e.kind <> 'parents_evening' and e.status <> 'draft'`;
const n = (v: unknown) => Number(v ?? 0);
const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

interface CohortSql {
  invited: unknown;
  booked: unknown;
  pp_invited: unknown;
  pp_booked: unknown;
  fsm_invited: unknown;
  fsm_booked: unknown;
  sen_invited: unknown;
  sen_booked: unknown;
}

const COHORT_COLUMNS = `count(*) as invited, coalesce(sum(x.booked), 0) as booked,
  coalesce(sum(x.pp), 0) as pp_invited, coalesce(sum(x.pp and x.booked), 0) as pp_booked,
  coalesce(sum(x.fsm), 0) as fsm_invited, coalesce(sum(x.fsm and x.booked), 0) as fsm_booked,
  coalesce(sum(x.sen), 0) as sen_invited, coalesce(sum(x.sen and x.booked), 0) as sen_booked`;

const cohortOf = (r: CohortSql | undefined): CohortCounts => ({
  all: { invited: n(r?.invited), booked: n(r?.booked) },
  groups: {
    pupil_premium: { invited: n(r?.pp_invited), booked: n(r?.pp_booked) },
    free_school_meals: { invited: n(r?.fsm_invited), booked: n(r?.fsm_booked) },
    sen: { invited: n(r?.sen_invited), booked: n(r?.sen_booked) },
  },
});

/** One row per invitation with the pupil's flags and whether they hold a confirmed place. */
const INVITATIONS = `select i.school_id, i.event_id, ${BOOKED} as booked,
    ${has('pupil_premium')} as pp, ${has('free_school_meals')} as fsm, ${has('sen')} as sen
  from event_invitations i
  join events e on e.id = i.event_id and e.school_id = i.school_id
  join pupils p on p.id = i.pupil_id and p.school_id = i.school_id`;

/** The event reports as aggregate SQL over the events and directory tables, school by school. */
@Injectable()
export class MikroOrmEventReports extends EventReports {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async participation(
    schoolId: SchoolId,
    eventId: string,
    page: PageRequest,
  ): Promise<Page<ParticipationRow>> {
    const after = decodeNameCursor(page.cursor);
    const rows = await selectRows<Record<string, unknown>>(
      this.em,
      `select p.id, p.preferred_forename, p.preferred_surname, p.nc_year, p.year_group, p.registration_group,
              ${has('pupil_premium')} as pp, ${has('free_school_meals')} as fsm, ${has('sen')} as sen,
              bk.id as booking_id, bk.state,
              (select count(*) from event_consents c where c.booking_id = bk.id) as consents,
              (select count(*) from event_consents c where c.booking_id = bk.id and c.stale = 0) as fresh,
              (select count(*) from event_register_marks m where m.booking_id = bk.id and m.present = 1) as present,
              (select count(*) from event_register_marks m where m.booking_id = bk.id and m.present = 0) as absent
         from event_invitations i
         join pupils p on p.id = i.pupil_id and p.school_id = i.school_id
         left join event_bookings bk on bk.id = (
           select b.id from event_bookings b
            where b.event_id = i.event_id and b.pupil_id = i.pupil_id and b.school_id = i.school_id
            order by b.active is null, b.id desc limit 1)
        where i.school_id = ? and i.event_id = ?
          ${after ? 'and (p.preferred_surname, p.preferred_forename, p.id) > (?, ?, ?)' : ''}
        order by p.preferred_surname, p.preferred_forename, p.id
        limit ${Number(page.limit) + 1}`,
      [schoolId, eventId, ...(after ? [after.surname, after.forename, after.id] : [])],
    );
    const items = rows.map((r): ParticipationRow => ({
      pupilId: String(r.id),
      forename: String(r.preferred_forename),
      surname: String(r.preferred_surname),
      ncYear: r.nc_year === null ? null : n(r.nc_year),
      yearGroup: (r.year_group as string | null) ?? null,
      registrationGroup: (r.registration_group as string | null) ?? null,
      pupilPremium: n(r.pp) === 1,
      freeSchoolMeals: n(r.fsm) === 1,
      sen: n(r.sen) === 1,
      bookingId: (r.booking_id as string | null) ?? null,
      state: (r.state as ParticipationRow['state'] | null) ?? 'not_responded',
      consents: n(r.consents),
      freshConsents: n(r.fresh),
      sessionsPresent: n(r.present),
      sessionsAbsent: n(r.absent),
    }));
    const kept = items.slice(0, page.limit);
    const last = kept[kept.length - 1];
    return {
      items: kept,
      nextCursor:
        items.length > page.limit && last
          ? encodeNameCursor({
              preferredSurname: last.surname,
              preferredForename: last.forename,
              id: last.pupilId,
            })
          : null,
    };
  }

  async groupParticipation(
    schoolId: SchoolId,
    group: PupilGroup,
    range: InstantRange,
  ): Promise<GroupEventRow[]> {
    const member = group.kind === 'year' ? 'p.nc_year = ?' : 'p.registration_group = ?';
    const rows = await selectRows<Record<string, unknown>>(
      this.em,
      `select e.id, e.title, e.kind, e.status, e.starts_at, count(*) as invited,
              coalesce(sum(${BOOKED}), 0) as booked,
              coalesce(sum(exists (select 1 from event_register_marks m join event_bookings b on b.id = m.booking_id
                where b.event_id = i.event_id and b.pupil_id = i.pupil_id and b.school_id = i.school_id
                  and m.present = 1)), 0) as attended
         from event_invitations i
         join events e on e.id = i.event_id and e.school_id = i.school_id
         join pupils p on p.id = i.pupil_id and p.school_id = i.school_id
        where i.school_id = ? and e.starts_at >= ? and e.starts_at < ? and ${REPORTED_EVENT} and ${member}
        group by e.id, e.title, e.kind, e.status, e.starts_at
        order by e.starts_at, e.id`,
      [schoolId, range.from, range.until, group.kind === 'year' ? group.ncYear : group.registrationGroup],
    );
    return rows.map((r) => ({
      eventId: String(r.id),
      title: String(r.title),
      kind: String(r.kind),
      status: String(r.status),
      startsAt: new Date(r.starts_at as string),
      invited: n(r.invited),
      booked: n(r.booked),
      attended: n(r.attended),
    }));
  }

  async cohort(
    schoolId: SchoolId,
    scope: { readonly eventId: string } | { readonly range: InstantRange },
  ): Promise<CohortCounts> {
    const [where, params] =
      'eventId' in scope
        ? ['i.event_id = ?', [scope.eventId]]
        : [
            `e.starts_at >= ? and e.starts_at < ? and ${REPORTED_EVENT}`,
            [scope.range.from, scope.range.until],
          ];
    const [row] = await selectRows<CohortSql>(
      this.em,
      `select ${COHORT_COLUMNS} from (${INVITATIONS} where i.school_id = ? and ${where}) x`,
      [schoolId, ...params],
    );
    return cohortOf(row);
  }

  async schoolSummaries(schoolIds: readonly SchoolId[], range: InstantRange): Promise<SchoolEventsSummary[]> {
    if (!schoolIds.length) {
      return [];
    }
    const cohorts = await selectRows<CohortSql & { school_id: string }>(
      this.em,
      `select x.school_id, ${COHORT_COLUMNS}
         from (${INVITATIONS} where i.school_id in (${list(schoolIds)})
                 and e.starts_at >= ? and e.starts_at < ? and ${REPORTED_EVENT}) x
        group by x.school_id`,
      [...schoolIds, range.from, range.until],
    );
    const events = await selectRows<{ school_id: string; n: unknown }>(
      this.em,
      `select e.school_id, count(*) as n from events e
        where e.school_id in (${list(schoolIds)}) and e.starts_at >= ? and e.starts_at < ? and ${REPORTED_EVENT}
        group by e.school_id`,
      [...schoolIds, range.from, range.until],
    );
    return schoolIds.map((schoolId) => ({
      schoolId,
      events: n(events.find((e) => e.school_id === schoolId)?.n),
      cohort: cohortOf(cohorts.find((c) => c.school_id === schoolId)),
    }));
  }
}
