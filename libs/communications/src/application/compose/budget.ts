import { ukMonthStart, type SchoolId } from '@rowan/kernel';
import type { MessageEstimate } from '../../domain/message';
import type { CommunicationSettings, CommunicationSettingsStore } from '../ports/communication-settings';

export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

/** Why sending now would exceed the school's or trust's SMS budget this UK calendar month, or null when not. */
export async function budgetProblem(
  store: CommunicationSettingsStore,
  settings: CommunicationSettings,
  schoolId: SchoolId,
  estimate: MessageEstimate,
  now: Date,
): Promise<string | null> {
  if (
    estimate.smsCostPence === 0 ||
    (settings.smsBudgetPence === null && settings.trustSmsBudgetPence === null)
  ) {
    return null;
  }
  const spent = await store.smsSpent(schoolId, ukMonthStart(now));
  const cost = estimate.smsCostPence;
  if (settings.smsBudgetPence !== null && spent.school + cost > settings.smsBudgetPence) {
    return `The texts would cost ${pounds(cost)}; the school has ${pounds(Math.max(settings.smsBudgetPence - spent.school, 0))} of its ${pounds(settings.smsBudgetPence)} monthly SMS budget left`;
  }
  if (settings.trustSmsBudgetPence !== null && spent.trust + cost > settings.trustSmsBudgetPence) {
    return `The texts would cost ${pounds(cost)}; the trust has ${pounds(Math.max(settings.trustSmsBudgetPence - spent.trust, 0))} of its ${pounds(settings.trustSmsBudgetPence)} monthly SMS budget left`;
  }
  return null;
}
