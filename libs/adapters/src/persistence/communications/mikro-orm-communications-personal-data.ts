import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { PersonalDataSource, type DataSubject, type SubjectDataSection } from '@rowan/compliance';
import { mergeFields, type MessageContent } from '@rowan/communications';
import type { SchoolId } from '@rowan/kernel';
import { columns, iso, joined, marks, parsed, rows } from '../personal-data.sql';

const SENT =
  'Recorded by Rowan as the school sends messages, with what each provider (email, SMS) reported back.';

/**
 * What the message said first on this channel, as the person got it (merge fields filled): the app title, the
 * email subject or the text; for a recipient Rowan could not reach, whichever the message had.
 */
function headline(row: DeliveryRow): string | null {
  const c = parsed<MessageContent>(row.content);
  if (!c) {
    return null;
  }
  const byChannel = { app: c.app?.title, email: c.email?.subject, sms: c.sms?.text };
  const template =
    (row.channel ? byChannel[row.channel as keyof typeof byChannel] : undefined) ??
    c.app?.title ??
    c.email?.subject ??
    c.sms?.text;
  if (!template) {
    return null;
  }
  const recipient = {
    kind: 'contact' as const,
    personId: '',
    title: row.title,
    forename: row.forename,
    surname: row.surname,
    children: parsed<string[]>(row.children) ?? [],
    appUserId: null,
    email: null,
    mobile: null,
  };
  const text = mergeFields(template, recipient, row.school_name ?? '');
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

interface DeliveryRow {
  message_id: string;
  content: unknown;
  title: string | null;
  forename: string;
  surname: string;
  children: unknown;
  school_name: string | null;
  channel: string | null;
  address: string | null;
  state: string | null;
  error_code: string | null;
  queued_at: Date | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  message_sent_at: Date | null;
}

/** The communications context's part of a subject access export: messages sent to the person and how. */
@Injectable()
export class MikroOrmCommunicationsPersonalData extends PersonalDataSource {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async collect(schoolId: SchoolId, subject: DataSubject): Promise<SubjectDataSection[]> {
    const deliveries = await rows<DeliveryRow>(
      this.em,
      `select r.message_id, m.content, r.title, r.forename, r.surname, r.children,
              (select s.name from schools s where s.id = r.school_id) as school_name, d.channel, d.address, d.state, d.error_code, d.queued_at,
              d.sent_at, d.delivered_at, d.read_at, d.failed_at, m.sent_at as message_sent_at
         from message_recipients r
         join messages m on m.id = r.message_id and m.school_id = r.school_id
         left join deliveries d on d.recipient_id = r.id and d.school_id = r.school_id
        where r.school_id = ? and r.kind = ? and r.person_id = ?
        order by m.sent_at, r.message_id, d.queued_at, d.id`,
      [schoolId, subject.kind, subject.id],
    );
    const suppressed = subject.emails.length
      ? await rows<{ address: string; reason: string; suppressed_at: Date }>(
          this.em,
          `select address, reason, suppressed_at from email_suppressions where address in (${marks(subject.emails)})`,
          subject.emails,
        )
      : [];
    return [
      {
        key: 'communications.deliveries',
        category: 'Communications',
        title: 'Messages and deliveries',
        description: `Messages sent to this person: each channel tried (parent app, email, SMS), the address used and what became of it; a read time for the app is when they opened it in their inbox. ${SENT}`,
        columns: columns(
          ['messageId', 'Message id', 'text'],
          ['message', 'Title or subject', 'text'],
          ['about', 'About (children)', 'text'],
          ['channel', 'Channel', 'text'],
          ['address', 'Address used', 'text'],
          ['state', 'State', 'text'],
          ['error', 'Error', 'text'],
          ['queuedAt', 'Queued', 'datetime'],
          ['sentAt', 'Sent', 'datetime'],
          ['deliveredAt', 'Delivered', 'datetime'],
          ['readAt', 'Read', 'datetime'],
          ['failedAt', 'Failed', 'datetime'],
        ),
        rows: deliveries.map((d) => ({
          messageId: d.message_id,
          message: headline(d),
          about: joined(parsed<string[]>(d.children)),
          channel: d.channel,
          address: d.address,
          state: d.state ?? 'unreachable',
          error: d.error_code,
          queuedAt: iso(d.queued_at),
          sentAt: iso(d.sent_at ?? (d.channel ? null : d.message_sent_at)),
          deliveredAt: iso(d.delivered_at),
          readAt: iso(d.read_at),
          failedAt: iso(d.failed_at),
        })),
      },
      {
        key: 'communications.suppressions',
        category: 'Communications',
        title: 'Email suppressions',
        description:
          'Email addresses of this person that Rowan no longer sends to, after a complaint or a permanent bounce reported by the email provider.',
        columns: columns(
          ['address', 'Address', 'text'],
          ['reason', 'Reason', 'text'],
          ['since', 'Since', 'datetime'],
        ),
        rows: suppressed.map((s) => ({ address: s.address, reason: s.reason, since: iso(s.suppressed_at) })),
      },
    ];
  }
}
