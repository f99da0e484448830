import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { RetentionParticipant, type Leavers, type RetentionChanges } from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import { chunks, runSql } from '../directory/bulk-sql';

/**
 * The communications context's part in anonymising leavers: each message's snapshot of them as a recipient
 * (name, children's names, email, mobile, app account) and the address each delivery went to. The messages and
 * the delivery states stay, so a school's reach and SMS spend over time still add up.
 */
@Injectable()
export class CommunicationsRetention extends RetentionParticipant {
  readonly context = 'communications';

  constructor(private readonly em: EntityManager) {
    super();
  }

  async anonymise(schoolId: SchoolId, leavers: Leavers): Promise<RetentionChanges> {
    let recipients = 0;
    let deliveries = 0;
    const people = [
      ...leavers.pupilIds.map((id) => ['pupil', id] as const),
      ...leavers.contactIds.map((id) => ['contact', id] as const),
    ];
    for (const chunk of chunks(people)) {
      const match = chunk.map(() => '(kind = ? and person_id = ?)').join(' or ');
      const params = chunk.flat();
      deliveries += await runSql(
        this.em,
        `update deliveries set address = ''
          where school_id = ? and address <> ''
            and recipient_id in (select id from message_recipients where school_id = ? and (${match}))`,
        [schoolId, schoolId, ...params],
      );
      recipients += await runSql(
        this.em,
        `update message_recipients
            set title = null, forename = 'Anonymised', surname = kind, children = '[]', app_user_id = null,
                email = null, mobile = null
          where school_id = ? and (${match}) and forename <> 'Anonymised'`,
        [schoolId, ...params],
      );
    }
    return { rows: { message_recipients: recipients, deliveries } };
  }
}
