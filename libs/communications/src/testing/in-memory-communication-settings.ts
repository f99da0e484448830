import type { SchoolId, TrustId } from '@rowan/kernel';
import {
  CommunicationSettingsStore,
  DEFAULT_SETTINGS,
  type CommunicationSettings,
  type SchoolSmsSpend,
} from '../application/ports/communication-settings';

/** Every school on the defaults unless saved otherwise; no SMS spent. */
export class InMemoryCommunicationSettings extends CommunicationSettingsStore {
  private readonly schools = new Map<SchoolId, Omit<CommunicationSettings, 'trustSmsBudgetPence'>>();
  private readonly trusts = new Map<TrustId, number | null>();

  forSchool(schoolId: SchoolId): Promise<CommunicationSettings> {
    return Promise.resolve({ ...DEFAULT_SETTINGS, ...this.schools.get(schoolId) });
  }

  smsSpent(): Promise<{ school: number; trust: number }> {
    return Promise.resolve({ school: 0, trust: 0 });
  }

  trustSmsSpend(): Promise<SchoolSmsSpend[]> {
    return Promise.resolve([]);
  }

  trustBudget(trustId: TrustId): Promise<number | null> {
    return Promise.resolve(this.trusts.get(trustId) ?? null);
  }

  saveTrustBudget(trustId: TrustId, smsBudgetPence: number | null): Promise<void> {
    this.trusts.set(trustId, smsBudgetPence);
    return Promise.resolve();
  }

  save(schoolId: SchoolId, settings: Omit<CommunicationSettings, 'trustSmsBudgetPence'>): Promise<void> {
    this.schools.set(schoolId, settings);
    return Promise.resolve();
  }
}
