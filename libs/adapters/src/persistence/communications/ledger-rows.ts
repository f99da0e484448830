import type { Channel, Delivery, DeliveryState, RecipientKind, StoredRecipient } from '@rowan/communications';

/** Rows as mysql2 returns them (snake_case; datetimes as Date; JSON columns as text or parsed). */
export interface RecipientRow {
  readonly id: string;
  readonly message_id: string;
  readonly kind: RecipientKind;
  readonly person_id: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly children: string | string[];
  readonly app_user_id: string | null;
  readonly email: string | null;
  readonly mobile: string | null;
}

export interface DeliveryRow {
  readonly id: string;
  readonly message_id: string;
  readonly school_id: string;
  readonly recipient_id: string;
  readonly channel: Channel;
  readonly address: string;
  readonly state: DeliveryState;
  readonly provider_ref: string | null;
  readonly error_code: string | null;
  readonly segments: number | null;
  readonly queued_at: Date;
  readonly sent_at: Date | null;
  readonly delivered_at: Date | null;
  readonly read_at: Date | null;
  readonly failed_at: Date | null;
}

export const toRecipient = (r: RecipientRow): StoredRecipient => ({
  id: r.id,
  messageId: r.message_id,
  kind: r.kind,
  personId: r.person_id,
  title: r.title,
  forename: r.forename,
  surname: r.surname,
  children: typeof r.children === 'string' ? (JSON.parse(r.children) as string[]) : r.children,
  appUserId: r.app_user_id,
  email: r.email,
  mobile: r.mobile,
});

export const toDelivery = (d: DeliveryRow): Delivery => ({
  id: d.id,
  messageId: d.message_id,
  schoolId: d.school_id,
  recipientId: d.recipient_id,
  channel: d.channel,
  address: d.address,
  state: d.state,
  providerRef: d.provider_ref,
  errorCode: d.error_code,
  segments: d.segments === null ? null : Number(d.segments),
  queuedAt: new Date(d.queued_at),
  sentAt: d.sent_at && new Date(d.sent_at),
  deliveredAt: d.delivered_at && new Date(d.delivered_at),
  readAt: d.read_at && new Date(d.read_at),
  failedAt: d.failed_at && new Date(d.failed_at),
});
