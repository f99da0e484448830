/** The events context's personal-data sections (subject access): bookings, consent and appointments as tables. */
import type { SubjectDataSection } from '@rowan/compliance';
import { columns, iso, parsed, yes } from '../personal-data.sql';

export const EVENTS = 'Recorded by Rowan as the school runs clubs, trips and parents’ evenings.';

interface Question {
  id: string;
  label: string;
}

/** "May they swim? Yes; Medical notes: none". */
function answersText(answers: unknown, questions: unknown): string {
  const labels = new Map((parsed<Question[]>(questions) ?? []).map((q) => [q.id, q.label]));
  return (parsed<Array<{ questionId: string; value: string | boolean }>>(answers) ?? [])
    .map((a) => {
      const value = a.value === true ? 'Yes' : a.value === false ? 'No' : String(a.value);
      return `${labels.get(a.questionId) ?? a.questionId}: ${value}`;
    })
    .join('; ');
}

export interface BookingRow {
  id: string;
  pupil_id: string;
  title: string;
  kind: string;
  starts_at: Date;
  state: string;
  booked_by: string;
  offer_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ConsentRow {
  booking_id: string;
  title: string;
  guardian_id: string;
  answers: unknown;
  questions: unknown;
  stale: number;
  given_at: Date;
  stale_at: Date | null;
}

export interface AppointmentRow {
  title: string;
  staff_id: string;
  pupil_id: string;
  parent_user_id: string;
  state: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
}

export type Who = (userId: string | null) => string | null;

export function bookingSection(
  key: string,
  title: string,
  purpose: string,
  bookings: readonly BookingRow[],
  who: Who,
): SubjectDataSection {
  return {
    key,
    category: 'Events',
    title,
    description: `${purpose} ${EVENTS}`,
    columns: columns(
      ['bookingId', 'Booking id', 'text'],
      ['pupilId', 'Pupil id', 'text'],
      ['event', 'Event', 'text'],
      ['kind', 'Kind', 'text'],
      ['startsAt', 'Starts', 'datetime'],
      ['state', 'State', 'text'],
      ['bookedBy', 'Booked by', 'text'],
      ['offerExpiresAt', 'Offer expires', 'datetime'],
      ['bookedAt', 'Booked', 'datetime'],
      ['updatedAt', 'Last changed', 'datetime'],
    ),
    rows: bookings.map((b) => ({
      bookingId: b.id,
      pupilId: b.pupil_id,
      event: b.title,
      kind: b.kind,
      startsAt: iso(b.starts_at),
      state: b.state,
      bookedBy: who(b.booked_by),
      offerExpiresAt: iso(b.offer_expires_at),
      bookedAt: iso(b.created_at),
      updatedAt: iso(b.updated_at),
    })),
  };
}

export function consentSection(
  purpose: string,
  consents: readonly ConsentRow[],
  who: Who,
): SubjectDataSection {
  return {
    key: 'events.consents',
    category: 'Events',
    title: 'Consent',
    description: `${purpose} Marked out of date when the event or its form changed after it was given. ${EVENTS}`,
    columns: columns(
      ['bookingId', 'Booking id', 'text'],
      ['event', 'Event', 'text'],
      ['answeredBy', 'Answered by', 'text'],
      ['answers', 'Answers', 'text'],
      ['givenAt', 'Given', 'datetime'],
      ['outOfDate', 'Out of date', 'boolean'],
      ['outOfDateSince', 'Out of date since', 'datetime'],
    ),
    rows: consents.map((c) => ({
      bookingId: c.booking_id,
      event: c.title,
      answeredBy: who(c.guardian_id),
      answers: answersText(c.answers, c.questions),
      givenAt: iso(c.given_at),
      outOfDate: yes(c.stale),
      outOfDateSince: iso(c.stale_at),
    })),
  };
}

export function appointmentSection(
  purpose: string,
  appointments: readonly AppointmentRow[],
  who: Who,
): SubjectDataSection {
  return {
    key: 'events.appointments',
    category: 'Events',
    title: 'Parents’ evening appointments',
    description: `${purpose} ${EVENTS}`,
    columns: columns(
      ['event', 'Parents’ evening', 'text'],
      ['pupilId', 'Pupil id', 'text'],
      ['teacherId', 'Teacher (staff id)', 'text'],
      ['bookedBy', 'Booked by', 'text'],
      ['state', 'State', 'text'],
      ['startsAt', 'Starts', 'datetime'],
      ['endsAt', 'Ends', 'datetime'],
      ['bookedAt', 'Booked', 'datetime'],
    ),
    rows: appointments.map((a) => ({
      event: a.title,
      pupilId: a.pupil_id,
      teacherId: a.staff_id,
      bookedBy: who(a.parent_user_id),
      state: a.state,
      startsAt: iso(a.starts_at),
      endsAt: iso(a.ends_at),
      bookedAt: iso(a.created_at),
    })),
  };
}
