/** The ways Rowan reaches someone, cheapest first: the parent app, email, then SMS (paid per segment). */
export type Channel = 'app' | 'email' | 'sms';

export const CHANNELS_CHEAPEST_FIRST: readonly Channel[] = ['app', 'email', 'sms'];

/**
 * - `cheapest`: one channel per recipient, the cheapest they have, falling back to the next when a delivery
 *   fails, bounces or (app) stays unread past the school's fallback delay.
 * - `all`: urgent; every channel the recipient has, at once, ignoring quiet hours.
 * - `email`, `sms`: that channel only.
 */
export type RoutingPolicy = 'cheapest' | 'all' | 'email' | 'sms';

export const ROUTING_POLICIES: readonly RoutingPolicy[] = ['cheapest', 'all', 'email', 'sms'];

export const isUrgent = (policy: RoutingPolicy): boolean => policy === 'all';

/** The channels a policy may use, in the order they are tried. */
export function channelsFor(policy: RoutingPolicy): readonly Channel[] {
  switch (policy) {
    case 'cheapest':
    case 'all':
      return CHANNELS_CHEAPEST_FIRST;
    case 'email':
      return ['email'];
    case 'sms':
      return ['sms'];
  }
}
