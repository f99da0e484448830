import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue, type SchoolSummary } from '@rowan/directory';
import { Clock, UnitOfWork, ukDate, ukMonthStart, type TrustId } from '@rowan/kernel';
import { CommunicationSettingsStore } from '../ports/communication-settings';
import { trustFor } from '../school-scope';

/** The trust's monthly SMS budget with this UK calendar month's spend across its schools. */
export interface TrustCommunicationSettingsView {
  readonly trustId: string;
  readonly smsBudgetPence: number | null;
  /** YYYY-MM, the UK month the spend is for. */
  readonly month: string;
  readonly smsSpentPence: number;
  /** Budget less spend (never below 0); null without a budget. */
  readonly smsRemainingPence: number | null;
  readonly schools: ReadonlyArray<{
    readonly schoolId: string;
    readonly name: string;
    readonly smsSpentPence: number;
    readonly smsBudgetPence: number | null;
  }>;
}

async function trustSettingsView(
  settings: CommunicationSettingsStore,
  now: Date,
  trustId: TrustId,
  schools: readonly SchoolSummary[],
): Promise<TrustCommunicationSettingsView> {
  const names = new Map(schools.map((s) => [s.id as string, s.name]));
  const [budget, spend] = await Promise.all([
    settings.trustBudget(trustId),
    settings.trustSmsSpend(trustId, ukMonthStart(now)),
  ]);
  const spent = spend.reduce((sum, s) => sum + s.spentPence, 0);
  return {
    trustId,
    smsBudgetPence: budget,
    month: ukDate(now).slice(0, 7),
    smsSpentPence: spent,
    smsRemainingPence: budget === null ? null : Math.max(budget - spent, 0),
    schools: spend
      .map((s) => ({
        schoolId: s.schoolId,
        name: names.get(s.schoolId) ?? '',
        smsSpentPence: s.spentPence,
        smsBudgetPence: s.budgetPence,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** For trust admins: the trust's SMS budget and this month's spend, school by school. */
@Injectable()
export class GetTrustCommunicationSettingsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly settings: CommunicationSettingsStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; trustId: TrustId }): Promise<TrustCommunicationSettingsView> {
    const { trust, schools } = await trustFor(
      this.catalogue,
      input.actor,
      input.trustId,
      'trust_messages:read',
    );
    return trustSettingsView(this.settings, this.clock.now(), trust.id, schools);
  }
}

/**
 * A trust admin sets the trust-wide monthly SMS budget (null for none). The dispatch job holds any message
 * whose texts would take the trust's spend this month past it. Audited once, with before and after.
 */
@Injectable()
export class UpdateTrustCommunicationSettingsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly settings: CommunicationSettingsStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    trustId: TrustId;
    smsBudgetPence: number | null;
  }): Promise<TrustCommunicationSettingsView> {
    const { trust, schools } = await trustFor(
      this.catalogue,
      input.actor,
      input.trustId,
      'trust_messages:settings',
    );
    const before = await this.settings.trustBudget(trust.id);
    await this.uow.transaction(async () => {
      await this.settings.saveTrustBudget(trust.id, input.smsBudgetPence, this.clock.now());
      this.audit.record(input.actor.userId, {
        action: 'communications.trust_settings_changed',
        trustId: trust.id,
        schoolId: null,
        targetType: 'trust',
        targetId: trust.id,
        summary: `Changed the SMS budget of ${trust.name}`,
        before: { smsBudgetPence: before },
        after: { smsBudgetPence: input.smsBudgetPence },
      });
    });
    return trustSettingsView(this.settings, this.clock.now(), trust.id, schools);
  }
}
