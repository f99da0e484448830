import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  CommunicationSettingsStore,
  DEFAULT_SETTINGS,
  type CommunicationSettings,
  type SchoolSmsSpend,
} from '@rowan/communications';
import type { SchoolId, TrustId } from '@rowan/kernel';
import { selectRows } from '../directory/bulk-sql';
import { SMS_COST } from './sms-cost.sql';

interface SettingsRow {
  readonly fallback_after_minutes: number;
  readonly quiet_start: number | null;
  readonly quiet_end: number | null;
  readonly sms_budget_pence: number | null;
  readonly approval_threshold: number | null;
  readonly sms_segment_pence: number;
  readonly trust_budget: number | null;
}

/** A school's settings (defaults until it sets its own), the trust's budget, and SMS spend from the ledger. */
@Injectable()
export class MikroOrmCommunicationSettings extends CommunicationSettingsStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async forSchool(schoolId: SchoolId): Promise<CommunicationSettings> {
    const [row] = await selectRows<SettingsRow>(
      this.em,
      `select cs.*, tcs.sms_budget_pence as trust_budget
         from schools s
         left join communication_settings cs on cs.school_id = s.id
         left join trust_communication_settings tcs on tcs.trust_id = s.trust_id
        where s.id = ?`,
      [schoolId],
    );
    if (!row || row.fallback_after_minutes === null || row.fallback_after_minutes === undefined) {
      return { ...DEFAULT_SETTINGS, trustSmsBudgetPence: nullableNumber(row?.trust_budget) };
    }
    return {
      fallbackAfterMinutes: Number(row.fallback_after_minutes),
      quietHours:
        row.quiet_start === null || row.quiet_end === null
          ? null
          : { start: Number(row.quiet_start), end: Number(row.quiet_end) },
      smsBudgetPence: nullableNumber(row.sms_budget_pence),
      trustSmsBudgetPence: nullableNumber(row.trust_budget),
      approvalThreshold: nullableNumber(row.approval_threshold),
      smsSegmentPence: Number(row.sms_segment_pence),
    };
  }

  async save(
    schoolId: SchoolId,
    s: Omit<CommunicationSettings, 'trustSmsBudgetPence'>,
    at: Date,
  ): Promise<void> {
    await this.em.getConnection().execute(
      `insert into communication_settings (school_id, fallback_after_minutes, quiet_start, quiet_end, sms_budget_pence, approval_threshold, sms_segment_pence, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)
         on duplicate key update fallback_after_minutes = values(fallback_after_minutes), quiet_start = values(quiet_start),
           quiet_end = values(quiet_end), sms_budget_pence = values(sms_budget_pence),
           approval_threshold = values(approval_threshold), sms_segment_pence = values(sms_segment_pence), updated_at = values(updated_at)`,
      [
        schoolId,
        s.fallbackAfterMinutes,
        s.quietHours?.start ?? null,
        s.quietHours?.end ?? null,
        s.smsBudgetPence,
        s.approvalThreshold,
        s.smsSegmentPence,
        at,
      ],
      'run',
      this.em.getTransactionContext(),
    );
  }

  async smsSpent(schoolId: SchoolId, since: Date): Promise<{ school: number; trust: number }> {
    const [row] = await selectRows<{ school: number | null; trust: number | null }>(
      this.em,
      `select sum(case when d.school_id = ? then ${SMS_COST} else 0 end) as school, sum(${SMS_COST}) as trust
         from schools s
         join deliveries d on d.school_id = s.id and d.channel = 'sms' and d.sent_at >= ?
         left join communication_settings cs on cs.school_id = s.id
        where s.trust_id = (select trust_id from schools where id = ?)`,
      [schoolId, since, schoolId],
    );
    return { school: Number(row?.school ?? 0), trust: Number(row?.trust ?? 0) };
  }

  async trustSmsSpend(trustId: TrustId, since: Date): Promise<SchoolSmsSpend[]> {
    const rows = await selectRows<{ id: string; budget: number | null; spent: number | null }>(
      this.em,
      `select s.id, cs.sms_budget_pence as budget, sum(${SMS_COST}) as spent
         from schools s
         left join communication_settings cs on cs.school_id = s.id
         left join deliveries d on d.school_id = s.id and d.channel = 'sms' and d.sent_at >= ?
        where s.trust_id = ?
        group by s.id, cs.sms_budget_pence, cs.sms_segment_pence`,
      [since, trustId],
    );
    return rows.map((r) => ({
      schoolId: r.id as SchoolId,
      spentPence: Number(r.spent ?? 0),
      budgetPence: nullableNumber(r.budget),
    }));
  }

  async trustBudget(trustId: TrustId): Promise<number | null> {
    const [row] = await selectRows<{ sms_budget_pence: number | null }>(
      this.em,
      'select sms_budget_pence from trust_communication_settings where trust_id = ?',
      [trustId],
    );
    return nullableNumber(row?.sms_budget_pence);
  }

  async saveTrustBudget(trustId: TrustId, smsBudgetPence: number | null, at: Date): Promise<void> {
    await this.em.getConnection().execute(
      `insert into trust_communication_settings (trust_id, sms_budget_pence, updated_at) values (?, ?, ?)
           on duplicate key update sms_budget_pence = values(sms_budget_pence), updated_at = values(updated_at)`,
      [trustId, smsBudgetPence, at],
      'run',
      this.em.getTransactionContext(),
    );
  }
}

const nullableNumber = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);
