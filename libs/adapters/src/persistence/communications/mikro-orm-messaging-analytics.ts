import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  MessagingAnalytics,
  NO_FIGURES,
  type Channel,
  type MessagingFigures,
  type ReportPeriod,
  type SchoolPeriodFigures,
} from '@rowan/communications';
import type { SchoolId } from '@rowan/kernel';
import { selectRows } from '../directory/bulk-sql';
import { SMS_COST, SMS_SEGMENTS } from './sms-cost.sql';

const REACHED = "('sent', 'delivered', 'read')";
/** Messages that went out (or are going): not drafts, held, scheduled or cancelled ones. */
const SENT = "m.status in ('sending', 'sent')";

type Key = `${string}|${number}`;

/**
 * The report in three grouped queries over the ledger. Messages, recipients, reach and deliveries belong to
 * the period in which the message began sending (`messages.sent_at`); SMS segments and cost to the period
 * in which each text was handed to the provider (`deliveries.sent_at`), as the SMS budget counts them.
 */
@Injectable()
export class MikroOrmMessagingAnalytics extends MessagingAnalytics {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async figures(
    schoolIds: readonly SchoolId[],
    periods: readonly ReportPeriod[],
  ): Promise<SchoolPeriodFigures[]> {
    if (schoolIds.length === 0 || periods.length === 0) {
      return [];
    }
    const table = periods
      .map(() => 'select ? as k, cast(? as datetime(3)) as s, cast(? as datetime(3)) as e')
      .join(' union all ');
    const bounds = periods.flatMap((p, i) => [i, p.startsAt, p.endsAt]);
    const schools = schoolIds.map(() => '?').join(', ');
    const [messages, deliveries, sms] = await Promise.all([
      selectRows<{ school_id: string; k: number; messages: number; recipients: number; reached: number }>(
        this.em,
        `select m.school_id, p.k, count(distinct m.id) as messages, count(r.id) as recipients,
                coalesce(sum(exists(select 1 from deliveries d where d.recipient_id = r.id and d.state in ${REACHED})), 0) as reached
           from messages m
           join (${table}) p on m.sent_at >= p.s and m.sent_at < p.e
           left join message_recipients r on r.message_id = m.id
          where m.school_id in (${schools}) and ${SENT}
          group by m.school_id, p.k`,
        [...bounds, ...schoolIds],
      ),
      selectRows<{ school_id: string; k: number; channel: Channel; total: number; reached: number }>(
        this.em,
        `select m.school_id, p.k, d.channel, count(*) as total, sum(d.state in ${REACHED}) as reached
           from messages m
           join (${table}) p on m.sent_at >= p.s and m.sent_at < p.e
           join deliveries d on d.message_id = m.id
          where m.school_id in (${schools}) and ${SENT}
          group by m.school_id, p.k, d.channel`,
        [...bounds, ...schoolIds],
      ),
      selectRows<{ school_id: string; k: number; segments: number; cost: number }>(
        this.em,
        `select d.school_id, p.k, sum(${SMS_SEGMENTS}) as segments, sum(${SMS_COST}) as cost
           from deliveries d
           join (${table}) p on d.sent_at >= p.s and d.sent_at < p.e
           left join communication_settings cs on cs.school_id = d.school_id
          where d.school_id in (${schools}) and d.channel = 'sms'
          group by d.school_id, p.k`,
        [...bounds, ...schoolIds],
      ),
    ]);
    const found = new Map<Key, MessagingFigures>();
    const update = (schoolId: string, k: number, change: (f: MessagingFigures) => MessagingFigures) => {
      const key: Key = `${schoolId}|${Number(k)}`;
      found.set(key, change(found.get(key) ?? NO_FIGURES));
    };
    messages.forEach((r) =>
      update(r.school_id, r.k, (f) => ({
        ...f,
        messages: Number(r.messages),
        recipients: Number(r.recipients),
        reached: Number(r.reached),
      })),
    );
    deliveries.forEach((r) =>
      update(r.school_id, r.k, (f) => ({
        ...f,
        deliveries: { ...f.deliveries, [r.channel]: { total: Number(r.total), reached: Number(r.reached) } },
      })),
    );
    sms.forEach((r) =>
      update(r.school_id, r.k, (f) => ({
        ...f,
        smsSegments: Number(r.segments),
        smsCostPence: Number(r.cost),
      })),
    );
    return [...found].map(([key, figures]) => {
      const [schoolId, period] = key.split('|') as [string, string];
      return { schoolId: schoolId as SchoolId, period: Number(period), figures };
    });
  }
}
