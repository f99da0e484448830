import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  DeliveryLedger,
  type ClaimedBatch,
  type SnapshotPart,
  type SentDelivery,
  statesBefore,
  type Channel,
  type Delivery,
  type DeliveryState,
  type DeliveryRecord,
  type DeliveryUpdate,
  type RecipientKind,
  type InboxItem,
  type NewDelivery,
  type ProgressCounts,
  type QueuedDelivery,
  type StoredRecipient,
  type UnreachedRecipient,
} from '@rowan/communications';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { decodeCursor, toPage } from '../cursor';
import { chunks, runSql, selectRows } from '../directory/bulk-sql';
import { toDelivery, toRecipient, type DeliveryRow, type RecipientRow } from './ledger-rows';

/** Each state's timestamp column, set when a delivery reaches it. */
const STAMP: Partial<Record<DeliveryState, string>> = {
  sent: 'sent_at',
  delivered: 'delivered_at',
  read: 'read_at',
  failed: 'failed_at',
  bounced: 'failed_at',
  opted_out: 'failed_at',
};

/**
 * Rows per JSON document in the fan-out's inserts: a whole chunk travels as one parameter, read by MariaDB's
 * JSON_TABLE, instead of a dozen escaped parameters a row.
 */
const ROWS_PER_DOCUMENT = 1000;

/** A UTC time as a DATETIME(3) literal (the connection's time zone is UTC). */
const sqlTime = (d: Date): string => d.toISOString().slice(0, 23).replace('T', ' ');

/** The ledger in SQL: multi-row inserts for the fan-out, and every state change a guarded single UPDATE. */
@Injectable()
export class MikroOrmDeliveryLedger extends DeliveryLedger {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async storeSnapshot(
    messageId: string,
    schoolId: SchoolId,
    parts: readonly SnapshotPart[],
    resuming: boolean,
  ): Promise<QueuedDelivery[]> {
    if (parts.length === 0) {
      return [];
    }
    if (!resuming) {
      // A first run: every row is new (a clash fails the part whole), and what is queued is what was planned.
      const deliveries = parts.flatMap((p) =>
        p.deliveries.map((d) => ({ ...d, recipientId: p.recipient.id })),
      );
      await this.record(
        messageId,
        schoolId,
        parts.map((p) => p.recipient),
        deliveries,
      );
      return deliveries.flatMap((d) =>
        d.state === 'queued' && d.channel !== 'app' ? [{ id: d.id, channel: d.channel }] : [],
      );
    }
    return this.em.transactional(async (em) => {
      const ledger = new MikroOrmDeliveryLedger(em);
      await ledger.insertRecipients(
        messageId,
        schoolId,
        parts.map((p) => p.recipient),
        true,
      );
      // The ids the rows have: ours, or those of a dispatch that stored them before it died.
      const ids = new Map<string, string>();
      for (const chunk of chunks(parts.map((p) => p.recipient.personId))) {
        const rows = await selectRows<{ id: string; kind: string; person_id: string }>(
          em,
          `select id, kind, person_id from message_recipients where message_id = ? and person_id in (${chunk.map(() => '?').join(', ')})`,
          [messageId, ...chunk],
        );
        rows.forEach((r) => ids.set(`${r.kind}:${r.person_id}`, r.id));
      }
      const deliveries = parts.flatMap((p) => {
        const recipientId = ids.get(`${p.recipient.kind}:${p.recipient.personId}`)!;
        return p.deliveries.map((d) => ({ ...d, recipientId }));
      });
      await ledger.record(messageId, schoolId, [], deliveries);
      const recipientIds = [...new Set(deliveries.map((d) => d.recipientId))];
      const queued: QueuedDelivery[] = [];
      for (const chunk of chunks(recipientIds)) {
        queued.push(
          ...(await selectRows<QueuedDelivery>(
            em,
            `select id, channel from deliveries where recipient_id in (${chunk.map(() => '?').join(', ')}) and state = 'queued' and channel <> 'app' order by id`,
            chunk,
          )),
        );
      }
      return queued;
    });
  }

  async recipientCount(messageId: string): Promise<number> {
    const [row] = await selectRows<{ n: number }>(
      this.em,
      'select count(*) as n from message_recipients where message_id = ?',
      [messageId],
    );
    return Number(row?.n ?? 0);
  }

  async record(
    messageId: string,
    schoolId: SchoolId,
    recipients: readonly StoredRecipient[],
    deliveries: readonly NewDelivery[],
  ): Promise<void> {
    const now = new Date();
    await this.em.transactional(async (em) => {
      await new MikroOrmDeliveryLedger(em).insertRecipients(messageId, schoolId, recipients, false);
      // Deliveries: unique per (recipient, channel); a repeat (a fallback decided twice) changes nothing.
      const at = sqlTime(now);
      for (const chunk of chunks(deliveries, ROWS_PER_DOCUMENT)) {
        await em.getConnection().execute(
          `insert into deliveries (id, message_id, school_id, recipient_id, channel, address, state, fallback_at, estimated_segments, queued_at, sent_at, updated_at)
           select id, ?, ?, recipient_id, channel, address, state, fallback_at, estimated_segments, ?, sent_at, ?
             from json_table(?, '$[*]' columns (
               id varchar(36) path '$[0]', recipient_id varchar(36) path '$[1]', channel varchar(5) path '$[2]',
               address varchar(320) path '$[3]', state varchar(10) path '$[4]', fallback_at datetime(3) path '$[5]',
               estimated_segments smallint path '$[6]', sent_at datetime(3) path '$[7]')) as d
           on duplicate key update state = deliveries.state`,
          [
            messageId,
            schoolId,
            now,
            now,
            JSON.stringify(
              chunk.map((d) => [
                d.id,
                d.recipientId,
                d.channel,
                d.address,
                d.state,
                d.fallbackAt ? sqlTime(d.fallbackAt) : null,
                d.channel === 'sms' ? (d.estimatedSegments ?? null) : null,
                d.state === 'sent' ? at : null,
              ]),
            ),
          ],
          'run',
          em.getTransactionContext(),
        );
      }
    });
  }

  /**
   * Recipients, unique per message and person: `keepStored` leaves one already stored as it is (a dispatch
   * resuming); otherwise a second snapshot of the same message fails whole.
   */
  private async insertRecipients(
    messageId: string,
    schoolId: SchoolId,
    recipients: readonly StoredRecipient[],
    keepStored: boolean,
  ): Promise<void> {
    for (const chunk of chunks(recipients, ROWS_PER_DOCUMENT)) {
      await this.run(
        `insert ${keepStored ? 'ignore ' : ''}into message_recipients (id, message_id, school_id, kind, person_id, title, forename, surname, children, app_user_id, email, mobile)
         select id, ?, ?, kind, person_id, title, forename, surname, children, app_user_id, email, mobile
           from json_table(?, '$[*]' columns (
             id varchar(36) path '$[0]', kind varchar(10) path '$[1]', person_id varchar(36) path '$[2]',
             title varchar(20) path '$[3]', forename varchar(100) path '$[4]', surname varchar(100) path '$[5]',
             children longtext path '$[6]', app_user_id varchar(36) path '$[7]', email varchar(320) path '$[8]',
             mobile varchar(20) path '$[9]')) as r`,
        [
          messageId,
          schoolId,
          JSON.stringify(
            chunk.map((r) => [
              r.id,
              r.kind,
              r.personId,
              r.title,
              r.forename,
              r.surname,
              JSON.stringify(r.children),
              r.appUserId,
              r.email,
              r.mobile,
            ]),
          ),
        ],
      );
    }
  }

  async recipients(messageId: string): Promise<StoredRecipient[]> {
    const rows = await selectRows<RecipientRow>(
      this.em,
      'select * from message_recipients where message_id = ? order by id',
      [messageId],
    );
    return rows.map(toRecipient);
  }

  async recipient(recipientId: string): Promise<StoredRecipient | null> {
    const [row] = await selectRows<RecipientRow>(this.em, 'select * from message_recipients where id = ?', [
      recipientId,
    ]);
    return row ? toRecipient(row) : null;
  }

  async findById(id: string): Promise<Delivery | null> {
    const [row] = await selectRows<DeliveryRow>(this.em, 'select * from deliveries where id = ?', [id]);
    return row ? toDelivery(row) : null;
  }

  async deliveriesOf(recipientId: string): Promise<Delivery[]> {
    const rows = await selectRows<DeliveryRow>(
      this.em,
      'select * from deliveries where recipient_id = ? order by queued_at, id',
      [recipientId],
    );
    return rows.map(toDelivery);
  }

  async queued(messageId: string): Promise<QueuedDelivery[]> {
    return selectRows<QueuedDelivery>(
      this.em,
      "select id, channel from deliveries where message_id = ? and state = 'queued' and channel <> 'app' order by id",
      [messageId],
    );
  }

  async claim(ids: readonly string[], at: Date, expiredBefore: Date): Promise<ClaimedBatch> {
    if (ids.length === 0) {
      return { claimed: [], busy: 0 };
    }
    const list = ids.map(() => '?').join(', ');
    const before = await selectRows<{ id: string; claimed_at: Date | null }>(
      this.em,
      `select id, claimed_at from deliveries where id in (${list}) and state = 'queued' and channel <> 'app'`,
      [...ids],
    );
    if (before.length === 0) {
      return { claimed: [], busy: 0 };
    }
    // The token says which rows this attempt holds; a live claim (not yet expired) is left to its attempt.
    const token = randomUUID();
    await this.run(
      `update deliveries set claim_token = ?, claimed_at = ?, attempts = attempts + 1, updated_at = ?
        where id in (${list}) and state = 'queued' and channel <> 'app' and (claimed_at is null or claimed_at < ?)`,
      [token, at, at, ...ids, expiredBefore],
    );
    const rows = await selectRows<DeliveryRow & { r: string | RecipientRow }>(
      this.em,
      `select d.*, json_object('id', r.id, 'message_id', r.message_id, 'kind', r.kind, 'person_id', r.person_id,
              'title', r.title, 'forename', r.forename, 'surname', r.surname, 'children', r.children,
              'app_user_id', r.app_user_id, 'email', r.email, 'mobile', r.mobile) as r
         from deliveries d join message_recipients r on r.id = d.recipient_id
        where d.id in (${list}) and d.claim_token = ? order by d.id`,
      [...ids, token],
    );
    const earlier = new Map(before.map((b) => [b.id, b.claimed_at]));
    return {
      claimed: rows.map((row) => ({
        delivery: toDelivery(row),
        recipient: toRecipient(typeof row.r === 'string' ? (JSON.parse(row.r) as RecipientRow) : row.r),
        again: earlier.get(row.id) != null,
      })),
      busy: before.length - rows.length,
    };
  }

  async release(ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.run(
        `update deliveries set claimed_at = null, claim_token = null where id in (${chunk.map(() => '?').join(', ')}) and state = 'queued'`,
        chunk,
      );
    }
  }

  async settleSent(sent: readonly SentDelivery[], at: Date): Promise<void> {
    for (const chunk of chunks(sent)) {
      const cases = chunk.map(() => 'when ? then ?').join(' ');
      // Left to right (MySQL and MariaDB evaluate single-table SET clauses in order): sent_at reads the state
      // before it changes. A reference and segments are kept even when a callback has moved the state on.
      await this.run(
        `update deliveries set
           provider_ref = coalesce(provider_ref, case id ${cases} end),
           segments = coalesce(segments, case id ${cases} end),
           sent_at = if(state = 'queued', coalesce(sent_at, ?), sent_at),
           state = if(state = 'queued', 'sent', state),
           updated_at = ?
         where id in (${chunk.map(() => '?').join(', ')})`,
        [
          ...chunk.flatMap((s) => [s.id, s.providerRef]),
          ...chunk.flatMap((s) => [s.id, s.segments ?? null]),
          at,
          at,
          ...chunk.map((s) => s.id),
        ],
      );
    }
  }

  async move(id: string, to: DeliveryState, at: Date, update: DeliveryUpdate = {}): Promise<boolean> {
    if (update.providerRef !== undefined || update.segments !== undefined) {
      await this.run(
        'update deliveries set provider_ref = coalesce(provider_ref, ?), segments = coalesce(segments, ?) where id = ?',
        [update.providerRef ?? null, update.segments ?? null, id],
      );
    }
    return (
      (await this.guardedMove(
        'id = ?',
        [id],
        to,
        at,
        update.errorCode ? { errorCode: update.errorCode } : {},
      )) > 0
    );
  }

  async moveOnEvent(event: {
    readonly deliveryId: string | null;
    readonly channel: Channel;
    readonly providerRef: string;
    readonly to: DeliveryState;
    readonly at: Date;
    readonly errorCode?: string;
  }): Promise<{ delivery: Delivery; moved: boolean } | null> {
    const [row] = event.deliveryId
      ? await selectRows<DeliveryRow>(
          this.em,
          'select * from deliveries where id = ? and channel = ? and (provider_ref is null or provider_ref = ?)',
          [event.deliveryId, event.channel, event.providerRef],
        )
      : await selectRows<DeliveryRow>(
          this.em,
          'select * from deliveries where channel = ? and provider_ref = ?',
          [event.channel, event.providerRef],
        );
    if (!row) {
      return null;
    }
    const moved = await this.move(row.id, event.to, event.at, {
      providerRef: event.providerRef,
      ...(event.errorCode ? { errorCode: event.errorCode } : {}),
    });
    return { delivery: toDelivery(row), moved };
  }

  async dueFallbacks(now: Date, limit: number): Promise<Delivery[]> {
    const rows = await selectRows<DeliveryRow>(
      this.em,
      `select * from deliveries where fallen_back = 0 and fallback_at <= ? and channel = 'app' and state in ('queued', 'sent', 'delivered') order by fallback_at limit ${Number(limit)}`,
      [now],
    );
    return rows.map(toDelivery);
  }

  async markFallenBack(id: string): Promise<boolean> {
    return (
      (await this.run(
        "update deliveries set fallen_back = 1 where id = ? and fallen_back = 0 and state <> 'read'",
        [id],
      )) > 0
    );
  }

  async progress(messageId: string): Promise<ProgressCounts> {
    const rows = await selectRows<{ channel: Channel; state: DeliveryState; n: number }>(
      this.em,
      'select channel, state, count(*) as n from deliveries where message_id = ? group by channel, state',
      [messageId],
    );
    const counts: ProgressCounts = { app: {}, email: {}, sms: {} };
    rows.forEach((r) => (counts[r.channel][r.state] = Number(r.n)));
    return counts;
  }

  async unreached(messageId: string, page: PageRequest): Promise<Page<UnreachedRecipient>> {
    const after = decodeCursor(page.cursor);
    // Not reached: no delivery at all, or every delivery at a dead end.
    const rows = await selectRows<RecipientRow & { states: string | null; codes: string | null }>(
      this.em,
      `select r.*, group_concat(d.state order by d.queued_at) as states, group_concat(d.error_code) as codes
         from message_recipients r left join deliveries d on d.recipient_id = r.id
        where r.message_id = ? ${after ? 'and r.id > ?' : ''}
        group by r.id
       having states is null or sum(d.state in ('queued', 'sent', 'delivered', 'read')) = 0
        order by r.id limit ${page.limit + 1}`,
      after ? [messageId, after] : [messageId],
    );
    return toPage(
      rows.map((row) => {
        const r = toRecipient(row);
        const last = row.states?.split(',').at(-1) as DeliveryState | undefined;
        return {
          recipientId: r.id,
          kind: r.kind,
          personId: r.personId,
          name: `${r.forename} ${r.surname}`,
          children: r.children,
          reason: last === 'bounced' || last === 'opted_out' ? last : last ? 'failed' : 'no_contact',
          detail: row.codes ?? null,
        } satisfies UnreachedRecipient;
      }),
      page,
      (u) => u.recipientId,
    );
  }

  async deliveries(messageId: string, page: PageRequest): Promise<Page<DeliveryRecord>> {
    const after = decodeCursor(page.cursor);
    const rows = await selectRows<
      DeliveryRow & { forename: string; surname: string; kind: RecipientKind; person_id: string }
    >(
      this.em,
      `select d.*, r.forename, r.surname, r.kind, r.person_id from deliveries d join message_recipients r on r.id = d.recipient_id
        where d.message_id = ? ${after ? 'and d.id > ?' : ''} order by d.id limit ${page.limit + 1}`,
      after ? [messageId, after] : [messageId],
    );
    return toPage(
      rows.map((row) => ({
        ...toDelivery(row),
        recipientName: `${row.forename} ${row.surname}`,
        recipientKind: row.kind,
        personId: row.person_id,
      })),
      page,
      (d) => d.id,
    );
  }

  async inbox(userId: string, page: PageRequest): Promise<Page<InboxItem>> {
    const after = decodeCursor(page.cursor);
    const rows = await selectRows<DeliveryRow & { r_json: string }>(
      this.em,
      `select d.* from deliveries d where d.channel = 'app' and d.address = ? ${after ? 'and d.id < ?' : ''}
        order by d.id desc limit ${page.limit + 1}`,
      after ? [userId, after] : [userId],
    );
    const items = await Promise.all(rows.map((row) => this.toInboxItem(toDelivery(row))));
    return toPage(
      items.flatMap((i) => (i ? [i] : [])),
      page,
      (i) => i.deliveryId,
    );
  }

  async inboxItem(userId: string, deliveryId: string): Promise<InboxItem | null> {
    const [row] = await selectRows<DeliveryRow>(
      this.em,
      "select * from deliveries where id = ? and channel = 'app' and address = ?",
      [deliveryId, userId],
    );
    return row ? this.toInboxItem(toDelivery(row)) : null;
  }

  async blocked(_schoolId: SchoolId, addresses: readonly string[]): Promise<Set<string>> {
    // Email addresses compare without case (as the column's collation does): the caller's spelling is returned.
    const asGiven = new Map<string, string[]>();
    addresses.forEach((a) => asGiven.set(a.toLowerCase(), [...(asGiven.get(a.toLowerCase()) ?? []), a]));
    const found = new Set<string>();
    for (const chunk of chunks([...asGiven.keys()])) {
      const list = chunk.map(() => '?').join(', ');
      const rows = await selectRows<{ address: string }>(
        this.em,
        `select number as address from sms_opt_outs where number in (${list})
         union all select address from email_suppressions where address in (${list})`,
        [...chunk, ...chunk],
      );
      rows.forEach((r) => asGiven.get(r.address.toLowerCase())?.forEach((a) => found.add(a)));
    }
    return found;
  }

  async suppressEmail(address: string, reason: 'complaint' | 'bounce', at: Date): Promise<void> {
    await this.run(
      'insert ignore into email_suppressions (address, reason, suppressed_at) values (?, ?, ?)',
      [address, reason, at],
    );
  }

  async recordOptOut(number: string, at: Date, optedIn = false): Promise<void> {
    await (optedIn
      ? this.run('delete from sms_opt_outs where number = ?', [number])
      : this.run('insert ignore into sms_opt_outs (number, opted_out_at) values (?, ?)', [number, at]));
  }

  private async toInboxItem(d: Delivery): Promise<InboxItem | null> {
    const recipient = await this.recipient(d.recipientId);
    return recipient
      ? {
          deliveryId: d.id,
          messageId: d.messageId,
          schoolId: d.schoolId,
          state: d.state,
          sentAt: d.sentAt,
          readAt: d.readAt,
          recipient,
        }
      : null;
  }

  /** One UPDATE that only moves forwards: `where state in (the states that may reach it)`. */
  private guardedMove(
    where: string,
    params: unknown[],
    to: DeliveryState,
    at: Date,
    update: DeliveryUpdate,
  ): Promise<number> {
    const from = statesBefore(to);
    const sets = ['state = ?', 'updated_at = ?'];
    const values: unknown[] = [to, at];
    const stamp = STAMP[to];
    if (stamp) {
      sets.push(`${stamp} = coalesce(${stamp}, ?)`);
      values.push(at);
    }
    if (update.providerRef !== undefined) {
      sets.push('provider_ref = ?');
      values.push(update.providerRef);
    }
    if (update.errorCode !== undefined) {
      sets.push('error_code = ?');
      values.push(update.errorCode);
    }
    if (update.segments !== undefined) {
      sets.push('segments = ?');
      values.push(update.segments);
    }
    return this.run(
      `update deliveries set ${sets.join(', ')} where ${where} and state in (${from.map(() => '?').join(', ')})`,
      [...values, ...params, ...from],
    );
  }

  private run(sql: string, params: readonly unknown[]): Promise<number> {
    return runSql(this.em, sql, params);
  }
}
