import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { RetentionParticipant, type Leavers, type RetentionChanges } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { chunks, placeholders, runSql } from '../directory/bulk-sql';

/**
 * The events context's part in anonymising leavers: consent answers (medical notes, emergency contacts) are
 * cleared; the bookings, payments, ledger and registers stay, pointing at the anonymised pupil, so the school's
 * accounts still reconcile and a refund can still be made.
 */
@Injectable()
export class EventsRetention extends RetentionParticipant {
  readonly context = 'events';

  constructor(private readonly em: EntityManager) {
    super();
  }

  async anonymise(schoolId: SchoolId, leavers: Leavers): Promise<RetentionChanges> {
    let consents = 0;
    for (const ids of chunks(leavers.pupilIds)) {
      consents += await runSql(
        this.em,
        `update event_consents set answers = '[]'
          where school_id = ? and answers <> '[]'
            and booking_id in (select id from event_bookings where school_id = ? and pupil_id in (${placeholders(ids)}))`,
        [schoolId, schoolId, ...ids],
      );
    }
    return { rows: { event_consents: consents } };
  }
}
