import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import type { RoutingPolicy } from './channel';

export interface MessageContent {
  readonly app: { readonly title: string; readonly body: string } | null;
  readonly email: { readonly subject: string; readonly html: string; readonly text: string } | null;
  readonly sms: { readonly text: string } | null;
}

export const CHARACTERISTIC_FILTERS = ['pupil_premium', 'free_school_meals', 'sen', 'eal'] as const;
export type CharacteristicFilter = (typeof CHARACTERISTIC_FILTERS)[number];

export const AUDIENCE_KINDS = ['contacts', 'pupils', 'staff'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/**
 * Which of an event's invitees: every one; those with a confirmed place (`booked`); those on the waiting list,
 * offered a freed place or not (`waitlisted`); those with no live booking (`not_responded`, including any who
 * cancelled); and, for a trip with a consent form, those holding a place whose consent is missing or stale.
 */
export const INVITEE_FILTERS = [
  'all',
  'booked',
  'waitlisted',
  'not_responded',
  'consent_outstanding',
] as const;
export type InviteeFilter = (typeof INVITEE_FILTERS)[number];

/** A selector over a published trip or club of the school: the pupils it invited, by where they stand. */
export interface EventInviteeRule {
  readonly eventId: string;
  readonly invitees: InviteeFilter;
}

/**
 * Who a message is for, as rules over the directory (resolved to recipients when it is sent).
 * - `contacts`: the contacts of the matching pupils (on roll). Pupils match by year, group (including
 *   registration classes), by name or as an event's invitees (`eventInvitees`, absent in audiences saved before
 *   it existed); none of those means the whole school. `characteristics` then narrows them
 *   to pupils with any of those. `contacts` says which of their contacts: the first with parental responsibility
 *   (`priority`), everyone with it, or every contact.
 * - `pupils`: the matching pupils (on roll) themselves, chosen as for `contacts`. They are reached by their own
 *   school email only (no app accounts, no texts to children); one without an email is unreachable.
 * - `staff`: active staff of the school, or those named.
 */
export type AudienceSpec =
  | {
      readonly kind: 'contacts';
      readonly ncYears: readonly number[];
      readonly groupIds: readonly string[];
      readonly pupilIds: readonly string[];
      readonly characteristics: readonly CharacteristicFilter[];
      readonly eventInvitees?: EventInviteeRule;
      readonly contacts: 'priority' | 'parental_responsibility' | 'all';
    }
  | {
      readonly kind: 'pupils';
      readonly ncYears: readonly number[];
      readonly groupIds: readonly string[];
      readonly pupilIds: readonly string[];
      readonly characteristics: readonly CharacteristicFilter[];
      readonly eventInvitees?: EventInviteeRule;
    }
  | { readonly kind: 'staff'; readonly staffIds: readonly string[] };

/**
 * - `draft`: being written. `pending_approval`: large enough to need a senior's approval.
 * - `scheduled`: will go at `scheduledFor` (editable and cancellable until then).
 * - `held`: would exceed the SMS budget; says why in `heldReason`.
 * - `sending`: recipients are being resolved and deliveries handed out. `sent`: every first delivery handed out.
 * - `cancelled`: will never go.
 */
export type MessageStatus =
  'draft' | 'pending_approval' | 'scheduled' | 'held' | 'sending' | 'sent' | 'cancelled';

export const EDITABLE_STATUSES: readonly MessageStatus[] = ['draft', 'scheduled'];

/** Before sending: how many would be reached by which channel, and what the texts would cost. */
export interface MessageEstimate {
  readonly recipients: number;
  readonly byChannel: { readonly app: number; readonly email: number; readonly sms: number };
  readonly unreachable: number;
  readonly smsSegments: number;
  readonly smsCostPence: number;
}

/** One communication, composed once, with content per channel. */
export class Message {
  constructor(
    readonly id: string,
    readonly schoolId: SchoolId,
    readonly trustId: TrustId,
    public audience: AudienceSpec,
    public content: MessageContent,
    public policy: RoutingPolicy,
    public status: MessageStatus,
    public scheduledFor: Date | null,
    public estimate: MessageEstimate | null,
    readonly createdBy: UserId,
    readonly createdAt: Date,
    public updatedAt: Date,
    public sentAt: Date | null = null,
    public approvedBy: UserId | null = null,
    public heldReason: string | null = null,
    /** From the `Idempotency-Key` header: a repeated send with the same key returns this message. */
    readonly idempotencyKey: string | null = null,
  ) {}

  /** Cancellable until it starts sending. */
  isChangeable(): boolean {
    return ['draft', 'pending_approval', 'scheduled', 'held'].includes(this.status);
  }

  /**
   * Editable while nobody has looked at what it would do: a draft or a scheduled message. One awaiting approval
   * or held over the budget was judged as it is (an edit would slip past the approval), so it is cancelled and
   * written again instead.
   */
  isEditable(): boolean {
    return EDITABLE_STATUSES.includes(this.status);
  }
}
