import type { AudienceSpec, EventInviteeRule } from './message';

type WithoutEvent<T> = T extends unknown ? Omit<T, 'eventInvitees'> : never;

/** An audience in the directory's own terms (years, groups, named pupils, characteristics; or staff). */
export type DirectoryAudience = WithoutEvent<AudienceSpec>;

/** The event selector of an audience, if it has one (staff audiences never do). */
export function eventRuleOf(audience: AudienceSpec): EventInviteeRule | null {
  return audience.kind === 'staff' ? null : (audience.eventInvitees ?? null);
}

/**
 * The directory's part of an audience once its event selector is known as the pupils it picks (`invited`).
 * They are one more selector beside the years, groups and named pupils (any of them), still narrowed by the
 * characteristics. An event selector that picks nobody, with no other selector beside it, is nobody (null):
 * never "nothing chosen, so the whole school".
 */
export function directoryAudience(
  audience: AudienceSpec,
  invited: readonly string[],
): DirectoryAudience | null {
  if (audience.kind === 'staff') {
    return audience;
  }
  const { eventInvitees, ...rules } = audience;
  if (!eventInvitees) {
    return rules;
  }
  const others = rules.ncYears.length + rules.groupIds.length + rules.pupilIds.length;
  if (!invited.length && !others) {
    return null;
  }
  return { ...rules, pupilIds: [...new Set([...rules.pupilIds, ...invited])] };
}
