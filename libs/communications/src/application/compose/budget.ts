import type { SchoolId } from '@rowan/kernel';
import type { MessageEstimate } from '../../domain/message';
import type { CommunicationSettings, CommunicationSettingsStore } from '../ports/communication-settings';

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

/** Why sending now would exceed the school's or trust's SMS budget this month, or null when it would not. */
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
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const spent = await store.smsSpent(schoolId, monthStart);
  const cost = estimate.smsCostPence;
  if (settings.smsBudgetPence !== null && spent.school + cost > settings.smsBudgetPence) {
    return `The texts would cost ${pounds(cost)}; the school has ${pounds(Math.max(settings.smsBudgetPence - spent.school, 0))} of its ${pounds(settings.smsBudgetPence)} monthly SMS budget left`;
  }
  if (settings.trustSmsBudgetPence !== null && spent.trust + cost > settings.trustSmsBudgetPence) {
    return `The texts would cost ${pounds(cost)}; the trust has ${pounds(Math.max(settings.trustSmsBudgetPence - spent.trust, 0))} of its ${pounds(settings.trustSmsBudgetPence)} monthly SMS budget left`;
  }
  return null;
}
