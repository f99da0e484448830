import { MikroORM } from '@mikro-orm/core';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { ScheduleComplianceWorkUseCase } from '@rowan/compliance';
import type { Trust } from '@rowan/directory';
import { FixedClock } from '@rowan/kernel';
import FusionAuthClient from '@fusionauth/typescript-client';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from '../support/api-stack';
import { expectEventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { TEST_API_KEY, TEST_APPLICATION_ID, TEST_TENANT_ID } from '../support/test-env';

/**
 * Tables that hold no `school_id` column, and why: each is either not any one school's data, or is destroyed
 * through another row. A table added later without `school_id` fails this test until it is placed here.
 */
const TABLES_WITHOUT_SCHOOL_ID: Record<string, string> = {
  mikro_orm_migrations: 'the schema’s history',
  trusts: 'the trust outlives its school',
  trust_communication_settings: 'the trust’s',
  users: 'people who belonged only to the school are deleted; others (trust staff) keep their account',
  schools: 'the school row itself, deleted last',
  parents_evening_parents: 'found through the school’s events',
  school_deletions: 'the trust’s deletion record, which must outlive the school',
  email_suppressions: 'addresses that bounced, across the platform (SES’s own account-level list)',
  sms_opt_outs: 'numbers that replied STOP, across the platform (as Twilio applies them)',
  payment_webhook_events: 'Stripe event ids already acted on, with no personal data',
  audit_chain_heads: 'each school’s audit chain head, keyed by the school’s id and deleted with it',
  sign_in_sessions: 'sign-ins already recorded, deleted with the accounts of people who belonged only here',
};

const DAY = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

describe('contract end: a school’s data is destroyed 30 days after its contract ends', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    messaging = await startMessagingStack(clock);
    ({ stack } = messaging);
  });
  afterAll(() => messaging?.close());

  const { as, sql, parent } = eventsKit(() => stack);
  const rows = <T>(query: string, params: unknown[] = []) => sql(query, params) as Promise<T[]>;
  const schedule = () =>
    inJobContext(messaging!.worker.get(MikroORM), 'schedule', () =>
      messaging!.worker.get(ScheduleComplianceWorkUseCase).execute(),
    );

  async function tablesWithSchoolId(): Promise<string[]> {
    return (
      await rows<{ t: string }>(
        `select c.table_name as t from information_schema.columns c
           join information_schema.tables x on x.table_schema = c.table_schema and x.table_name = c.table_name
          where c.table_schema = database() and c.column_name = 'school_id' and x.table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.t);
  }

  const fusionAuth = () => new FusionAuthClient(TEST_API_KEY, stack.identity.issuer, TEST_TENANT_ID);

  /** Gives the Rowan user an account at the sandbox identity provider, linked by its subject. */
  async function identityAccount(userId: string): Promise<string> {
    const registered = await fusionAuth().register(undefined as unknown as string, {
      user: { email: `idp.${randomUUID().slice(0, 8)}@example.test`, password: 'a-long-password' },
      registration: { applicationId: TEST_APPLICATION_ID },
    });
    const subject = registered.response.user!.id!;
    await sql('update users set identity_subject = ? where id = ?', [subject, userId]);
    return subject;
  }

  const identityStatus = (subject: string) =>
    fusionAuth()
      .retrieveUser(subject)
      .then(
        () => 200,
        (error: { statusCode?: number }) => error.statusCode,
      );

  /** Rows of the school in every table that has a school_id. */
  async function schoolRows(schoolId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of await tablesWithSchoolId()) {
      const [row] = await rows<{ n: number }>(`select count(*) as n from \`${table}\` where school_id = ?`, [
        schoolId,
      ]);
      if (Number(row!.n) > 0) {
        out[table] = Number(row!.n);
      }
    }
    return out;
  }

  /** Every row of every table, as text, that mentions the id anywhere in a string column. */
  async function mentions(id: string): Promise<string[]> {
    const columns = await rows<{ t: string; c: string }>(
      `select c.table_name as t, c.column_name as c from information_schema.columns c
         join information_schema.tables x on x.table_schema = c.table_schema and x.table_name = c.table_name
        where c.table_schema = database() and x.table_type = 'BASE TABLE'
          and c.data_type in ('char', 'varchar', 'text', 'mediumtext', 'longtext')`,
    );
    const found: string[] = [];
    for (const { t, c } of columns) {
      const [row] = await rows<{ n: number }>(`select count(*) as n from \`${t}\` where \`${c}\` like ?`, [
        `%${id}%`,
      ]);
      if (Number(row!.n) > 0) {
        found.push(`${t}.${c}`);
      }
    }
    return found;
  }

  /** A school with something in most tables: staff, pupils, contacts, a parent, groups, messages, events, bookings. */
  async function populated(trust: Trust) {
    const school = await stack.make.school(trust);
    const { user: admin } = await stack.make.member('school_admin', { school });
    const staffToken = await stack.token({ userId: admin.identitySubject!, email: admin.email });
    await stack.make.communicationSettings(school, { quietHours: null });
    const pupil = await stack.make.pupil(school, 'Dora', `Doomed${randomUUID().slice(0, 4)}`, 5);
    const sibling = await stack.make.pupil(school, 'Dan', 'Doomed', 3);
    await parent(school, [pupil, sibling]);
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, 'pupil_premium', 'yes', '2025-09-01', null)`,
      [v7(), school.id, pupil.id],
    );
    await stack.make.group(school, 'Choir', 'other', [pupil]);
    await stack.make.syncRun(school);
    await stack.make.directoryImport(school, admin.id);
    await stack.make.message(school, admin.id);
    const event = await stack.make.event(school, admin.id, 'published');
    await stack.make.booking(event, pupil, admin.id);
    const teacher = await stack.make.staffMember(school, 'Tess', 'Teacher');
    await stack.make.eveningAppointment(school, pupil, teacher.id, admin.id);
    // A message sent to the parents: recipients and deliveries.
    const sent = await as(staffToken).post(`/api/v1/schools/${school.id}/messages`, {
      audience: { kind: 'contacts' },
      content: { email: { subject: 'Hello', html: '<p>Hello</p>', text: 'Hello' } },
      policy: 'email',
    });
    expect(sent.status).toBe(201);
    await expectEventually(async () =>
      expect(await rows('select id from deliveries where school_id = ?', [school.id])).not.toEqual([]),
    );
    return { school, admin, staffToken };
  }

  it('destroys every row of a school 30 days after its contract ends, keeps a deletion record, and leaves its sister school untouched', async () => {
    const trust = await stack.make.trust();
    const doomed = await populated(trust);
    const sister = await populated(trust);
    const { user: trustAdmin } = await stack.make.member('trust_admin', { trust });
    const admin = await stack.token({ userId: trustAdmin.identitySubject!, email: trustAdmin.email });

    // Every table without school_id is accounted for.
    const all = (
      await rows<{ t: string }>(
        `select table_name as t from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.t);
    const withSchool = new Set(await tablesWithSchoolId());
    expect(all.filter((t) => !withSchool.has(t)).sort()).toEqual(
      Object.keys(TABLES_WITHOUT_SCHOOL_ID).sort(),
    );

    const sisterBefore = await schoolRows(sister.school.id);
    const sisterSnapshot = await rows('select * from pupils where school_id = ? order by id', [
      sister.school.id,
    ]);
    const doomedEvents = await rows<{ id: string }>('select id from events where school_id = ?', [
      doomed.school.id,
    ]);

    // The trust records the end: tomorrow. Too early, a school admin may not; a date that leaves no notice is refused.
    const endsOn = isoDay(new Date(Date.now() + DAY));
    const path = `/api/v1/schools/${doomed.school.id}/contract/end`;
    expect((await as(doomed.staffToken).put(path, { endsOn })).status).toBe(403);
    const noNotice = await as(admin).put(path, { endsOn: isoDay(new Date(Date.now() - 40 * DAY)) });
    expect(noNotice.status).toBe(400);
    expect(noNotice.body.errors[0].field).toBe('endsOn');
    const bad = await as(admin).put(path, { endsOn: '2027-02-30' });
    expect(bad.status).toBe(400);
    const recorded = await as(admin).put(path, { endsOn });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ endsOn, destroyOn: isoDay(new Date(Date.now() + 31 * DAY)) });
    expect(
      (await as(doomed.staffToken).get(`/api/v1/schools/${doomed.school.id}/contract`)).body.endsOn,
    ).toBe(endsOn);

    // Both schools' administrators have accounts at the identity provider (the sandbox FusionAuth).
    const doomedSubject = await identityAccount(doomed.admin.id);
    const sisterSubject = await identityAccount(sister.admin.id);
    const before = await schoolRows(doomed.school.id);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);

    // Day 30 after the end: not yet.
    clock.set(new Date(Date.now() + 30 * DAY));
    await schedule();
    await new Promise((r) => setTimeout(r, 300));
    expect(await schoolRows(doomed.school.id)).toEqual(before);

    // Day 31: the worker destroys it all.
    clock.set(new Date(Date.now() + 31 * DAY + 3_600_000));
    expect((await schedule()).destruction).toBeGreaterThanOrEqual(1);
    await expectEventually(async () => {
      const [d] = await rows<{ finished_at: Date | null }>(
        'select finished_at from school_deletions where deleted_school_id = ?',
        [doomed.school.id],
      );
      expect(d?.finished_at).toBeTruthy();
    }, 20_000);

    expect(await schoolRows(doomed.school.id)).toEqual({});
    expect(await rows('select id from schools where id = ?', [doomed.school.id])).toEqual([]);
    expect(
      await rows(
        `select * from parents_evening_parents where event_id in (${doomedEvents.map(() => '?').join(', ')})`,
        doomedEvents.map((e) => e.id),
      ),
    ).toEqual([]);
    expect(await rows('select id from users where id = ?', [doomed.admin.id])).toEqual([]);
    // Their identity-provider account is deleted too; the sister school's administrator keeps theirs.
    await expectEventually(async () => expect(await identityStatus(doomedSubject)).toBe(404));
    expect(await identityStatus(sisterSubject)).toBe(200);
    // The id survives only in the trust's records of the destruction: the deletion record, and the trust-level
    // audit records written by the destruction job (whose request id names the job).
    expect((await mentions(doomed.school.id)).sort()).toEqual([
      'audit_records.request_id',
      'school_deletions.deleted_school_id',
    ]);
    expect(
      await rows<{ action: string; school_id: string | null }>(
        'select action, school_id from audit_records where request_id like ? order by action',
        [`%${doomed.school.id}%`],
      ),
    ).toEqual([
      { action: 'school.data_destroyed', school_id: null },
      { action: 'school.data_destruction_started', school_id: null },
    ]);

    // The trust's record: what, when and how many rows, equal to what was there.
    const deletions = await as(admin).get(`/api/v1/trusts/${trust.id}/school-deletions`);
    expect(deletions.status).toBe(200);
    expect(deletions.body.items).toHaveLength(1);
    const record = deletions.body.items[0];
    expect(record).toMatchObject({
      schoolId: doomed.school.id,
      schoolName: doomed.school.name,
      contractEndedOn: endsOn,
    });
    expect(record.finishedAt).not.toBeNull();
    for (const [table, n] of Object.entries(before)) {
      expect([table, record.rows[table]]).toEqual([table, n]);
    }
    expect(record.rows.schools).toBe(1);
    expect(record.rows.users).toBeGreaterThanOrEqual(2);

    // The sister school is untouched, and its staff still work there; the destroyed school is gone for everyone.
    expect(await schoolRows(sister.school.id)).toEqual(sisterBefore);
    expect(await rows('select * from pupils where school_id = ? order by id', [sister.school.id])).toEqual(
      sisterSnapshot,
    );
    expect((await as(sister.staffToken).get(`/api/v1/schools/${sister.school.id}/pupils`)).status).toBe(200);
    expect((await as(admin).get(`/api/v1/schools/${doomed.school.id}`)).status).toBe(404);
    expect((await as(admin).get(`/api/v1/schools/${sister.school.id}`)).status).toBe(200);
    clock.set(new Date());
  }, 90_000);

  it('stops the destruction when the termination is withdrawn within the 30 days', async () => {
    const trust = await stack.make.trust();
    const kept = await populated(trust);
    const { user: trustAdmin } = await stack.make.member('trust_admin', { trust });
    const admin = await stack.token({ userId: trustAdmin.identitySubject!, email: trustAdmin.email });
    const path = `/api/v1/schools/${kept.school.id}/contract/end`;
    expect((await as(admin).put(path, { endsOn: isoDay(new Date(Date.now() + DAY)) })).status).toBe(200);
    const withdrawn = await stack.http().delete(path).set('authorization', `Bearer ${admin}`);
    expect(withdrawn.status).toBe(204);
    expect((await as(admin).get(`/api/v1/schools/${kept.school.id}/contract`)).body).toMatchObject({
      endsOn: null,
    });
    const again = await stack.http().delete(path).set('authorization', `Bearer ${admin}`);
    expect(again.status).toBe(404);
    const before = await schoolRows(kept.school.id);

    clock.set(new Date(Date.now() + 40 * DAY));
    await schedule();
    await new Promise((r) => setTimeout(r, 500));
    expect(await schoolRows(kept.school.id)).toEqual(before);
    expect(
      await rows('select id from school_deletions where deleted_school_id = ?', [kept.school.id]),
    ).toEqual([]);
    expect(await stack.make.auditCount({ schoolId: kept.school.id, action: 'contract.end_withdrawn' })).toBe(
      1,
    );
    clock.set(new Date());
  }, 60_000);
});
