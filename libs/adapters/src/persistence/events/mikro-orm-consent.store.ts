import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  ConsentStore,
  type ConsentAnswer,
  type ConsentFormRecord,
  type ConsentQuestion,
  type ConsentRecord,
} from '@rowan/events';
import type { SchoolId, UserId } from '@rowan/kernel';
import { selectRows } from '../directory/bulk-sql';

interface FormRow {
  event_id: string;
  school_id: string;
  questions: string | ConsentQuestion[];
  reconsent_message_id: string | null;
  updated_at: Date;
}

interface ConsentRow {
  booking_id: string;
  guardian_id: string;
  school_id: string;
  event_id: string;
  answers: string | ConsentAnswer[];
  stale: number;
  given_at: Date;
}

const json = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

const toForm = (r: FormRow): ConsentFormRecord => ({
  eventId: r.event_id,
  schoolId: r.school_id as SchoolId,
  questions: json(r.questions),
  reconsentMessageId: r.reconsent_message_id,
  updatedAt: new Date(r.updated_at),
});

const toConsent = (r: ConsentRow): ConsentRecord => ({
  bookingId: r.booking_id,
  guardianId: r.guardian_id as UserId,
  schoolId: r.school_id as SchoolId,
  eventId: r.event_id,
  answers: json(r.answers),
  stale: Number(r.stale) === 1,
  givenAt: new Date(r.given_at),
});

/** Consent forms and answers as rows; every statement runs in the caller's transaction when there is one. */
@Injectable()
export class MikroOrmConsentStore extends ConsentStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  private async run(sql: string, params: readonly unknown[]): Promise<void> {
    await this.em.getConnection().execute(sql, params, 'run', this.em.getTransactionContext());
  }

  async formOf(eventId: string): Promise<ConsentFormRecord | null> {
    const [form] = await this.formsOf([eventId]);
    return form ?? null;
  }

  async formsOf(eventIds: readonly string[]): Promise<ConsentFormRecord[]> {
    if (!eventIds.length) {
      return [];
    }
    const rows = await selectRows<FormRow>(
      this.em,
      `select event_id, school_id, questions, reconsent_message_id, updated_at
         from event_consent_forms where event_id in (${list(eventIds)})`,
      eventIds,
    );
    return rows.map(toForm);
  }

  async saveForm(f: ConsentFormRecord): Promise<void> {
    await this.run(
      `insert into event_consent_forms (event_id, school_id, questions, reconsent_message_id, updated_at)
       values (?, ?, ?, ?, ?)
       on duplicate key update questions = values(questions), updated_at = values(updated_at)`,
      [f.eventId, f.schoolId, JSON.stringify(f.questions), f.reconsentMessageId, f.updatedAt],
    );
  }

  async recordReconsentMessage(eventId: string, messageId: string): Promise<void> {
    await this.run('update event_consent_forms set reconsent_message_id = ? where event_id = ?', [
      messageId,
      eventId,
    ]);
  }

  async give(c: ConsentRecord): Promise<void> {
    await this.run(
      `insert into event_consents (booking_id, guardian_id, school_id, event_id, answers, stale, given_at, stale_at)
       values (?, ?, ?, ?, ?, 0, ?, null)
       on duplicate key update answers = values(answers), stale = 0, given_at = values(given_at), stale_at = null`,
      [c.bookingId, c.guardianId, c.schoolId, c.eventId, JSON.stringify(c.answers), c.givenAt],
    );
  }

  async ofBookings(bookingIds: readonly string[]): Promise<ConsentRecord[]> {
    if (!bookingIds.length) {
      return [];
    }
    const rows = await selectRows<ConsentRow>(
      this.em,
      `select booking_id, guardian_id, school_id, event_id, answers, stale, given_at
         from event_consents where booking_id in (${list(bookingIds)}) order by given_at`,
      bookingIds,
    );
    return rows.map(toConsent);
  }

  async markStale(eventId: string, at: Date): Promise<string[]> {
    const rows = await selectRows<{ pupil_id: string }>(
      this.em,
      `select distinct b.pupil_id from event_consents c join event_bookings b on b.id = c.booking_id
        where c.event_id = ? and c.stale = 0 and b.active = 1 for update`,
      [eventId],
    );
    await this.run('update event_consents set stale = 1, stale_at = ? where event_id = ? and stale = 0', [
      at,
      eventId,
    ]);
    return rows.map((r) => r.pupil_id);
  }
}
