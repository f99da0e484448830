import type { Channel } from './channel';

/**
 * A delivery's life: `queued` until handed to the provider (or, for the app, placed in the inbox), `sent`,
 * then `delivered` (and `read`), or one of the dead ends: `failed`, `bounced` (email), `opted_out` (SMS STOP).
 */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'bounced' | 'opted_out';

export const DELIVERY_STATES: readonly DeliveryState[] = [
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'bounced',
  'opted_out',
];

/** The states a delivery may move to from each state. Anything else (a late or repeated callback) is ignored. */
const NEXT: Record<DeliveryState, readonly DeliveryState[]> = {
  queued: ['sent', 'delivered', 'read', 'failed', 'bounced', 'opted_out'],
  sent: ['delivered', 'read', 'failed', 'bounced', 'opted_out'],
  delivered: ['read'],
  read: [],
  failed: [],
  bounced: [],
  opted_out: [],
};

/** Whether a delivery in `from` may move to `to`: never backwards, never out of a dead end. */
export function canMove(from: DeliveryState, to: DeliveryState): boolean {
  return NEXT[from].includes(to);
}

/** The states `to` may be reached from: what a guarded `UPDATE … WHERE state IN (…)` needs. */
export function statesBefore(to: DeliveryState): DeliveryState[] {
  return DELIVERY_STATES.filter((from) => canMove(from, to));
}

export const isDeadEnd = (state: DeliveryState): boolean =>
  state === 'failed' || state === 'bounced' || state === 'opted_out';

/** Reached: the message got to them (sent to a provider that did not fail it, in the inbox, or read). */
export const isReached = (state: DeliveryState): boolean =>
  state === 'sent' || state === 'delivered' || state === 'read';

/** Why a recipient was not reached, for the office to act on. */
export type UnreachedReason = 'no_contact' | 'failed' | 'bounced' | 'opted_out' | 'unread';

/** One (message, recipient, channel): the unit of delivery, unique, moved only forwards. */
export interface Delivery {
  readonly id: string;
  readonly messageId: string;
  readonly schoolId: string;
  readonly recipientId: string;
  readonly channel: Channel;
  /** Email address or E.164 number; the user id for the app. */
  readonly address: string;
  readonly state: DeliveryState;
  readonly providerRef: string | null;
  readonly errorCode: string | null;
  readonly segments: number | null;
  readonly queuedAt: Date;
  readonly sentAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly readAt: Date | null;
  readonly failedAt: Date | null;
}
