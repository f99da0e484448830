import type { Channel, RoutingPolicy } from './channel';
import { channelsFor, CHANNELS_CHEAPEST_FIRST } from './channel';

export const RECIPIENT_KINDS = ['contact', 'pupil', 'staff'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * One person a message goes to, as the directory had them when the message was sent: one per family (a parent of
 * three matching children is one recipient, naming all three), with the addresses Rowan may use.
 */
export interface Recipient {
  readonly kind: RecipientKind;
  readonly personId: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  /**
   * Preferred forenames of the matching children (contacts only), in age order as the directory lists them; empty
   * for pupils and staff, so `{{children}}` merges to nothing for them.
   */
  readonly children: readonly string[];
  /** The Rowan user of an active parent account: they can read the message in the app. */
  readonly appUserId: string | null;
  readonly email: string | null;
  readonly mobile: string | null;
}

export const recipientKey = (r: Pick<Recipient, 'kind' | 'personId'>): string => `${r.kind}:${r.personId}`;

/** Every address of these recipients that blocking could apply to: their mobiles and emails. */
export const addressesOf = (recipients: readonly Recipient[]): string[] =>
  recipients.flatMap((r) => [r.email, r.mobile].filter((a): a is string => a !== null));

/**
 * The channels this recipient can be reached on, cheapest first. `blocked`: numbers that replied STOP and email
 * addresses suppressed after a complaint or a permanent bounce.
 */
export function reachableChannels(r: Recipient, blocked: ReadonlySet<string> = new Set()): Channel[] {
  return CHANNELS_CHEAPEST_FIRST.filter((c) =>
    c === 'app'
      ? r.appUserId !== null
      : c === 'email'
        ? r.email !== null && !blocked.has(r.email)
        : r.mobile !== null && !blocked.has(r.mobile),
  );
}

/** The channels to use first: the cheapest one (or the policy's only one), or every one for urgent messages. */
export function firstChannels(policy: RoutingPolicy, reachable: readonly Channel[]): Channel[] {
  const allowed = channelsFor(policy).filter((c) => reachable.includes(c));
  return policy === 'all' ? allowed : allowed.slice(0, 1);
}

/** The next channel to try after `tried` failed, for `cheapest` only; null when there is none left. */
export function fallbackChannel(
  policy: RoutingPolicy,
  reachable: readonly Channel[],
  tried: readonly Channel[],
): Channel | null {
  if (policy !== 'cheapest') {
    return null;
  }
  return reachable.find((c) => !tried.includes(c)) ?? null;
}

/** "Ada", "Ada and Alan", "Ada, Alan and Grace". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) {
    return names[0] ?? '';
  }
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
