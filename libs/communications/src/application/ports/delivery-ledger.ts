import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { Channel } from '../../domain/channel';
import type { Delivery, DeliveryState } from '../../domain/delivery';
import type { Recipient } from '../../domain/recipient';
import type { QueuedDelivery } from './dispatch-jobs';

/** A recipient as stored with the message: who they were and how to reach them when it was sent. */
export interface StoredRecipient extends Recipient {
  readonly id: string;
  readonly messageId: string;
}

export interface NewDelivery {
  readonly id: string;
  readonly recipientId: string;
  readonly channel: Channel;
  readonly address: string;
  /** App deliveries are in the inbox as soon as they exist: `sent`. Email and SMS start `queued`. */
  readonly state: 'queued' | 'sent';
  /** App only: when an unread message falls back to the next channel. */
  readonly fallbackAt: Date | null;
  /** SMS only: the segments its text takes, what it costs until the provider reports its own count. */
  readonly estimatedSegments?: number;
}

/** One recipient of a message's snapshot with their first deliveries (the recipient id is theirs to keep). */
export interface SnapshotPart {
  readonly recipient: StoredRecipient;
  readonly deliveries: ReadonlyArray<Omit<NewDelivery, 'recipientId'>>;
}

export interface DeliveryUpdate {
  readonly providerRef?: string;
  readonly errorCode?: string;
  readonly segments?: number;
}

export interface ClaimedDelivery {
  readonly delivery: Delivery;
  readonly recipient: StoredRecipient;
  readonly again: boolean;
}

export interface ClaimedBatch {
  readonly claimed: readonly ClaimedDelivery[];
  readonly busy: number;
}

export interface SentDelivery {
  readonly id: string;
  readonly providerRef: string;
  readonly segments?: number;
}

export type ProgressCounts = Record<Channel, Partial<Record<DeliveryState, number>>>;

export interface UnreachedRecipient {
  readonly recipientId: string;
  readonly kind: Recipient['kind'];
  readonly personId: string;
  readonly name: string;
  readonly children: readonly string[];
  readonly reason: 'no_contact' | 'failed' | 'bounced' | 'opted_out';
  readonly detail: string | null;
}

/** One delivery as the tracking view and integrators see it. */
export interface DeliveryRecord extends Delivery {
  readonly recipientName: string;
  readonly recipientKind: Recipient['kind'];
  readonly personId: string;
}

export interface InboxItem {
  readonly deliveryId: string;
  readonly messageId: string;
  readonly schoolId: string;
  readonly state: DeliveryState;
  readonly sentAt: Date | null;
  readonly readAt: Date | null;
  readonly recipient: StoredRecipient;
}

/**
 * The delivery ledger: recipients as sent to, and one row per (message, recipient, channel), unique. Every write
 * is idempotent: recording again, or moving a delivery to a state it cannot reach from where it is, changes
 * nothing.
 */
export abstract class DeliveryLedger {
  /** Stores recipients (unique per message and person) and deliveries (unique per recipient and channel). */
  abstract record(
    messageId: string,
    schoolId: SchoolId,
    recipients: readonly StoredRecipient[],
    deliveries: readonly NewDelivery[],
  ): Promise<void>;
  /**
   * Stores part of a message's recipient snapshot with their first deliveries, in one transaction, and returns
   * those recipients' email and SMS deliveries still queued. `resuming` (a dispatch that died part-way runs
   * again): a recipient already stored keeps its row and id, and a delivery already made keeps its own.
   */
  abstract storeSnapshot(
    messageId: string,
    schoolId: SchoolId,
    parts: readonly SnapshotPart[],
    resuming: boolean,
  ): Promise<QueuedDelivery[]>;
  abstract recipientCount(messageId: string): Promise<number>;
  abstract recipients(messageId: string): Promise<StoredRecipient[]>;
  abstract recipient(recipientId: string): Promise<StoredRecipient | null>;
  abstract findById(id: string): Promise<Delivery | null>;
  abstract deliveriesOf(recipientId: string): Promise<Delivery[]>;
  /** Email and SMS deliveries of the message still waiting to be handed to a provider. */
  abstract queued(messageId: string): Promise<QueuedDelivery[]>;
  /**
   * Claims the queued email and SMS deliveries among `ids` for one send attempt: those unclaimed, and those whose
   * claim is older than `expiredBefore` (an attempt that died). Each comes with its recipient; `again` when an
   * earlier attempt had claimed it and did not finish (it may or may not have reached the provider). `busy`
   * counts those still queued but held by another attempt that may yet finish.
   */
  abstract claim(ids: readonly string[], at: Date, expiredBefore: Date): Promise<ClaimedBatch>;
  /** Gives claimed deliveries back (the provider answered that it could not take them now). */
  abstract release(ids: readonly string[]): Promise<void>;
  /**
   * Records that the provider took these deliveries: their references and segments, and `sent` unless a callback
   * has already moved them on.
   */
  abstract settleSent(sent: readonly SentDelivery[], at: Date): Promise<void>;
  /**
   * Moves a delivery forwards (see `canMove`); true if it moved. A provider reference and segments are kept
   * even when the state has already moved on (a callback can overtake the answer to the send).
   */
  abstract move(id: string, to: DeliveryState, at: Date, update?: DeliveryUpdate): Promise<boolean>;
  /**
   * The delivery an event names (by our id when the provider echoes it, else by the provider's reference), moved
   * forwards if it may be; null when there is no such delivery or the reference does not match it.
   */
  abstract moveOnEvent(event: {
    readonly deliveryId: string | null;
    readonly channel: Channel;
    readonly providerRef: string;
    readonly to: DeliveryState;
    readonly at: Date;
    readonly errorCode?: string;
  }): Promise<{ delivery: Delivery; moved: boolean } | null>;
  /** App deliveries still unread whose fallback time has come (and that have not fallen back yet). */
  abstract dueFallbacks(now: Date, limit: number): Promise<Delivery[]>;
  abstract markFallenBack(id: string): Promise<boolean>;
  abstract progress(messageId: string): Promise<ProgressCounts>;
  abstract unreached(messageId: string, page: PageRequest): Promise<Page<UnreachedRecipient>>;
  /** Every delivery of the message, oldest first, with who it was for. */
  abstract deliveries(messageId: string, page: PageRequest): Promise<Page<DeliveryRecord>>;
  abstract inbox(userId: string, page: PageRequest): Promise<Page<InboxItem>>;
  abstract inboxItem(userId: string, deliveryId: string): Promise<InboxItem | null>;
  /**
   * Of these addresses, the SMS numbers that replied STOP and the email addresses suppressed after a complaint
   * or a permanent bounce: nothing is sent to them. One list for the platform, as there is one sender.
   */
  abstract blocked(schoolId: SchoolId, addresses: readonly string[]): Promise<Set<string>>;
  abstract recordOptOut(number: string, at: Date, optedIn?: boolean): Promise<void>;
  abstract suppressEmail(address: string, reason: 'complaint' | 'bounce', at: Date): Promise<void>;
}
