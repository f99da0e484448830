import type { MikroORM } from '@mikro-orm/mysql';
import type { School } from '@rowan/directory';
import { v7 } from 'uuid';

export interface SeededDelivery {
  readonly channel: 'app' | 'email' | 'sms';
  readonly state: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'bounced' | 'opted_out';
  /** When it was handed to the provider (or placed in the inbox); null if it never was. */
  readonly sentAt?: Date | null;
  /** Segments the provider reported; null when it has not. */
  readonly segments?: number | null;
  readonly estimatedSegments?: number | null;
}

/**
 * A message as the ledger holds it once sent: the message, its recipients (each given as their deliveries; an
 * empty list is a recipient with no usable contact) and their deliveries, written straight into the tables.
 */
export async function seedSentMessage(
  orm: MikroORM,
  school: School,
  sentAt: Date | null,
  recipients: ReadonlyArray<readonly SeededDelivery[]>,
  status = 'sent',
): Promise<string> {
  const connection = orm.em.fork().getConnection();
  const id = v7();
  await connection.execute(
    `insert into messages (id, school_id, trust_id, audience, content, policy, status, created_by, created_at, updated_at, sent_at)
     values (?, ?, ?, '{"kind":"staff","staffIds":[]}', '{"app":null,"email":null,"sms":{"text":"Seeded"}}', 'cheapest', ?, ?, ?, ?, ?)`,
    [id, school.id, school.trustId, status, v7(), sentAt ?? new Date(), sentAt ?? new Date(), sentAt],
  );
  for (const [i, deliveries] of recipients.entries()) {
    const recipientId = v7();
    await connection.execute(
      `insert into message_recipients (id, message_id, school_id, kind, person_id, forename, surname, children, mobile)
       values (?, ?, ?, 'contact', ?, ?, 'Seeded', '[]', '+447700900000')`,
      [recipientId, id, school.id, v7(), `Person${i}`],
    );
    for (const d of deliveries) {
      const at = d.sentAt ?? sentAt ?? new Date();
      await connection.execute(
        `insert into deliveries (id, message_id, school_id, recipient_id, channel, address, state, segments, estimated_segments, queued_at, sent_at, failed_at, updated_at)
         values (?, ?, ?, ?, ?, 'seeded', ?, ?, ?, ?, ?, ?, ?)`,
        [
          v7(),
          id,
          school.id,
          recipientId,
          d.channel,
          d.state,
          d.segments ?? null,
          d.estimatedSegments ?? null,
          at,
          d.sentAt ?? null,
          ['failed', 'bounced', 'opted_out'].includes(d.state) ? at : null,
          at,
        ],
      );
    }
  }
  return id;
}

/** The school's price of an SMS segment (the settings row must exist, or is created with the defaults). */
export async function setSmsPrice(orm: MikroORM, school: School, pence: number): Promise<void> {
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into communication_settings (school_id, fallback_after_minutes, sms_segment_pence, updated_at)
       values (?, 240, ?, now(3)) on duplicate key update sms_segment_pence = values(sms_segment_pence)`,
      [school.id, pence],
    );
}
