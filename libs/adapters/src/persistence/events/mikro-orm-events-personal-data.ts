import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { PersonalDataSource, type DataSubject, type SubjectDataSection } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { columns, iso, rows, yes } from '../personal-data.sql';
import {
  appointmentSection,
  bookingSection,
  consentSection,
  EVENTS,
  type AppointmentRow,
  type BookingRow,
  type ConsentRow,
} from './personal-data-event-sections';
import { eventsPaymentsSections } from './personal-data-payments';

@Injectable()
export class MikroOrmEventsPersonalData extends PersonalDataSource {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]> {
    const who = (userId: string | null) =>
      userId ? (subject.knownUsers[userId] ?? `Rowan user ${userId}`) : null;
    switch (subject.kind) {
      case 'pupil':
        return [
          ...(await this.pupilEvents(schoolId, subject.id, who)),
          ...(await eventsPaymentsSections(
            this.em,
            schoolId,
            'b.pupil_id = ?',
            [subject.id],
            'the pupil’s bookings',
          )),
        ];
      case 'contact':
        return subject.userId
          ? [
              ...(await this.parentEvents(schoolId, subject.userId, who)),
              ...(await eventsPaymentsSections(
                this.em,
                schoolId,
                'b.booked_by = ?',
                [subject.userId],
                'bookings this person made',
              )),
            ]
          : [];
      case 'staff':
        return this.staffEvents(schoolId, subject.id);
    }
  }

  private async pupilEvents(
    schoolId: SchoolId,
    pupilId: string,
    who: (userId: string | null) => string | null,
  ): Promise<SubjectDataSection[]> {
    const invitations = await rows<{
      title: string;
      kind: string;
      starts_at: Date;
      created_at: Date;
      may_take_reserved: number;
    }>(
      this.em,
      `select e.title, e.kind, e.starts_at, i.created_at, i.may_take_reserved from event_invitations i
         join events e on e.id = i.event_id and e.school_id = i.school_id
        where i.school_id = ? and i.pupil_id = ? order by e.starts_at, e.id`,
      [schoolId, pupilId],
    );
    const bookings = await this.bookings(schoolId, 'b.pupil_id = ?', [pupilId]);
    const consents = await this.consents(schoolId, 'b.pupil_id = ?', [pupilId]);
    const appointments = await this.appointments(schoolId, 'a.pupil_id = ?', [pupilId]);
    const marks = await rows<{ title: string; session_at: Date; present: number; marked_at: Date }>(
      this.em,
      `select e.title, m.session_at, m.present, m.marked_at from event_register_marks m
         join event_bookings b on b.id = m.booking_id and b.school_id = m.school_id
         join events e on e.id = m.event_id and e.school_id = m.school_id
        where m.school_id = ? and b.pupil_id = ? order by m.session_at, e.id`,
      [schoolId, pupilId],
    );
    return [
      {
        key: 'events.invitations',
        category: 'Events',
        title: 'Invitations',
        description: `Events the pupil was invited to when each was published, by the event’s eligibility rules. ${EVENTS}`,
        columns: columns(
          ['event', 'Event', 'text'],
          ['kind', 'Kind', 'text'],
          ['startsAt', 'Starts', 'datetime'],
          ['invitedAt', 'Invited', 'datetime'],
          ['mayTakeReserved', 'May take a reserved place', 'boolean'],
        ),
        rows: invitations.map((i) => ({
          event: i.title,
          kind: i.kind,
          startsAt: iso(i.starts_at),
          invitedAt: iso(i.created_at),
          mayTakeReserved: yes(i.may_take_reserved),
        })),
      },
      bookingSection(
        'events.bookings',
        'Bookings',
        'Places booked for the pupil and where each stands.',
        bookings,
        who,
      ),
      consentSection(
        'Consent answers given for the pupil’s bookings, by the parent or carer who answered.',
        consents,
        who,
      ),
      appointmentSection('Parents’ evening appointments booked about the pupil.', appointments, who),
      {
        key: 'events.register',
        category: 'Events',
        title: 'Attendance',
        description: `Registers taken at events the pupil was booked on. ${EVENTS}`,
        columns: columns(
          ['event', 'Event', 'text'],
          ['session', 'Session', 'datetime'],
          ['present', 'Present', 'boolean'],
          ['markedAt', 'Marked', 'datetime'],
        ),
        rows: marks.map((m) => ({
          event: m.title,
          session: iso(m.session_at),
          present: yes(m.present),
          markedAt: iso(m.marked_at),
        })),
      },
    ];
  }

  private async parentEvents(
    schoolId: SchoolId,
    userId: string,
    who: (userId: string | null) => string | null,
  ): Promise<SubjectDataSection[]> {
    const bookings = await this.bookings(schoolId, 'b.booked_by = ?', [userId]);
    const consents = await this.consents(schoolId, 'c.guardian_id = ?', [userId]);
    const appointments = await this.appointments(schoolId, 'a.parent_user_id = ?', [userId]);
    return [
      bookingSection(
        'events.bookings_made',
        'Bookings made',
        'Places this person booked in the parent app.',
        bookings,
        who,
      ),
      consentSection('Consent answers this person gave.', consents, who),
      appointmentSection('Parents’ evening appointments this person booked.', appointments, who),
    ];
  }

  private async staffEvents(schoolId: SchoolId, staffId: string): Promise<SubjectDataSection[]> {
    const assignments = await rows<{
      title: string;
      starts_at: Date;
      role: string;
      session_at: Date | null;
      created_at: Date;
    }>(
      this.em,
      `select e.title, e.starts_at, a.role, a.session_at, a.created_at from event_staff_assignments a
         join events e on e.id = a.event_id and e.school_id = a.school_id
        where a.school_id = ? and a.staff_id = ? order by e.starts_at, a.session_key`,
      [schoolId, staffId],
    );
    const appointments = await this.appointments(schoolId, 'a.staff_id = ?', [staffId]);
    return [
      {
        key: 'events.staff_assignments',
        category: 'Events',
        title: 'Staff assignments',
        description: `Events and sessions the member of staff was assigned to, and in what role. ${EVENTS}`,
        columns: columns(
          ['event', 'Event', 'text'],
          ['startsAt', 'Event starts', 'datetime'],
          ['role', 'Role', 'text'],
          ['session', 'Session', 'datetime'],
          ['assignedAt', 'Assigned', 'datetime'],
        ),
        rows: assignments.map((a) => ({
          event: a.title,
          startsAt: iso(a.starts_at),
          role: a.role,
          session: iso(a.session_at),
          assignedAt: iso(a.created_at),
        })),
      },
      appointmentSection('Parents’ evening appointments with the member of staff.', appointments, () => null),
    ];
  }

  private bookings(schoolId: SchoolId, where: string, params: unknown[]) {
    return rows<BookingRow>(
      this.em,
      `select b.id, b.pupil_id, e.title, e.kind, e.starts_at, b.state, b.booked_by, b.offer_expires_at, b.created_at, b.updated_at
         from event_bookings b join events e on e.id = b.event_id and e.school_id = b.school_id
        where b.school_id = ? and ${where} order by b.created_at, b.id`,
      [schoolId, ...params],
    );
  }

  private consents(schoolId: SchoolId, where: string, params: unknown[]) {
    return rows<ConsentRow>(
      this.em,
      `select c.booking_id, e.title, c.guardian_id, c.answers, f.questions, c.stale, c.given_at, c.stale_at
         from event_consents c
         join event_bookings b on b.id = c.booking_id and b.school_id = c.school_id
         join events e on e.id = c.event_id and e.school_id = c.school_id
         left join event_consent_forms f on f.event_id = c.event_id and f.school_id = c.school_id
        where c.school_id = ? and ${where} order by c.given_at, c.booking_id`,
      [schoolId, ...params],
    );
  }

  private appointments(schoolId: SchoolId, where: string, params: unknown[]) {
    return rows<AppointmentRow>(
      this.em,
      `select e.title, a.staff_id, a.pupil_id, a.parent_user_id, a.state, a.starts_at, a.ends_at, a.created_at
         from parents_evening_appointments a join events e on e.id = a.event_id and e.school_id = a.school_id
        where a.school_id = ? and ${where} order by a.starts_at, a.id`,
      [schoolId, ...params],
    );
  }
}
