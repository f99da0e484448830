import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { AuditRecord, Actor, RecordSignInUseCase, SealAuditTrailUseCase, type User } from '@rowan/access';
import { jobIds, QUEUES } from '@rowan/adapters/bullmq/queues';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import type { School } from '@rowan/directory';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import { createWorker } from '../../apps/worker/src/create-worker';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';

/**
 * The audit log's hash chains over the real API, worker, MariaDB and Redis: records are sealed by the worker's
 * job, the tamper check finds a record changed or removed behind Rowan's back (in that school's chain only),
 * sealers racing each other still build one chain, and sign-ins and report downloads are in the log.
 */
describe('audit log: hash chain, sign-ins and exports', () => {
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let compliance: Queue;
  const settings = { AUDIT_SEAL_GRACE_MS: '0' };

  beforeAll(async () => {
    stack = await startApiStack(settings);
    worker = await createWorker(loadConfig(WorkerConfig, apiSettings(stack.identity, settings)), {
      schedules: false,
    });
    compliance = stack.app.get<Queue>(getQueueToken(QUEUES.compliance));
  });
  afterAll(async () => {
    await worker.close();
    await stack.close();
  });

  const get = (path: string, token: string) => stack.http().get(path).set('authorization', `Bearer ${token}`);
  const tokenOf = (user: User) => stack.token({ userId: user.identitySubject!, email: user.email });

  async function schoolWithAdmin() {
    const trust = await stack.make.trust();
    const school = await stack.make.school(trust);
    const { user } = await stack.make.member('school_admin', { school });
    const token = await tokenOf(user);
    // Signed in first, so the sign-in is in the chain from the start.
    expect((await get('/api/v1/me', token)).status).toBe(200);
    return { trust, school, admin: user, token };
  }

  /** Records written as AuditTrail writes them, a millisecond apart, oldest first. */
  async function givenRecords(
    school: School,
    count: number,
    startAt = Date.now() - 60_000,
  ): Promise<string[]> {
    const em = stack.orm.em.fork();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = v7();
      ids.push(id);
      em.persist(
        new AuditRecord(
          id,
          new Date(startAt + i),
          null,
          'membership.invited',
          school.trustId,
          school.id,
          'membership',
          v7(),
          `Invited person ${i} — “quoted” & ünïcødé`,
          null,
          { role: 'teacher', n: i, nested: { b: [1, 2], a: null } },
          `req-${i}`,
        ),
      );
    }
    await em.flush();
    return ids;
  }

  /** Runs the worker's sealing job, as the schedule asks for it, and waits for it to finish. */
  async function sealByJob(): Promise<void> {
    const job = await compliance.add(
      'seal-audit',
      {},
      { jobId: jobIds.sealAudit(), removeOnComplete: true, removeOnFail: true },
    );
    await eventually(async () => ((await compliance.getJob(job.id!)) ? undefined : true), 15_000, 50);
  }

  const verification = async (school: School, token: string) => {
    const response = await get(`/api/v1/schools/${school.id}/audit-records/verification`, token);
    expect(response.status).toBe(200);
    return response.body as {
      intact: boolean;
      sealed: number;
      unsealed: number;
      firstBroken?: { reason: string; recordId: string | null; chainSeq: number };
    };
  };

  const sql = (statement: string, params: unknown[]) =>
    stack.orm.em.fork().getConnection().execute(statement, params, 'run');

  async function chainOf(school: School) {
    return stack.orm.em
      .fork()
      .getConnection()
      .execute<
        Array<{ id: string; chain_seq: number | null; prev_hash: string | null; hash: string | null }>
      >(
        'select id, chain_seq, prev_hash, hash from audit_records where school_id = ? order by chain_seq, id',
        [school.id],
      );
  }

  it('seals what the API recorded; the school’s chain verifies intact and every record shows sealed', async () => {
    const { school, token } = await schoolWithAdmin();
    for (const name of ['Ann', 'Ben', 'Cat']) {
      const invited = await stack
        .http()
        .post(`/api/v1/schools/${school.id}/memberships`)
        .set('authorization', `Bearer ${token}`)
        .send({
          email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@example.test`,
          givenName: name,
          familyName: 'Chain',
          role: 'teacher',
        });
      expect(invited.status).toBe(201);
    }
    await sealByJob();

    const chain = await chainOf(school);
    // The three invitations and the admin's sign-in.
    expect(chain.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]!.prev_hash).toBe('0'.repeat(64));
    chain.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(chain[i]!.hash));
    expect(await verification(school, token)).toEqual({ intact: true, sealed: 4, unsealed: 0 });
    const log = await get(`/api/v1/schools/${school.id}/audit-records`, token);
    expect(log.body.items.map((r: { sealed: boolean }) => r.sealed)).toEqual([true, true, true, true]);
  });

  it('a record’s summary changed in the database is reported altered; another school’s chain is untouched', async () => {
    const ours = await schoolWithAdmin();
    const theirs = await schoolWithAdmin();
    await get(`/api/v1/schools/${theirs.school.id}/audit-records`, theirs.token);
    const ids = await givenRecords(ours.school, 5);
    await sealByJob();
    expect((await verification(ours.school, ours.token)).intact).toBe(true);

    await sql('update audit_records set summary = ? where id = ?', ['Nothing to see here', ids[2]]);

    const seq = (await chainOf(ours.school)).find((r) => r.id === ids[2])!.chain_seq;
    expect(await verification(ours.school, ours.token)).toMatchObject({
      intact: false,
      firstBroken: { reason: 'altered', recordId: ids[2], chainSeq: seq },
    });
    expect(await verification(theirs.school, theirs.token)).toMatchObject({ intact: true, unsealed: 0 });
    expect((await verification(theirs.school, theirs.token)).sealed).toBeGreaterThan(0);
  });

  it('a sealed record deleted is reported missing, in the middle of the chain and at its end', async () => {
    const { school, token } = await schoolWithAdmin();
    const ids = await givenRecords(school, 4);
    await sealByJob();
    const chain = await chainOf(school);
    const middle = chain.find((r) => r.id === ids[1])!;
    const after = chain.find((r) => r.chain_seq === middle.chain_seq! + 1)!;

    await sql('delete from audit_records where id = ?', [middle.id]);
    expect(await verification(school, token)).toMatchObject({
      intact: false,
      firstBroken: { reason: 'missing', recordId: after.id, chainSeq: middle.chain_seq },
    });

    const other = await schoolWithAdmin();
    await givenRecords(other.school, 3);
    await sealByJob();
    const last = (await chainOf(other.school)).at(-1)!;
    await sql('delete from audit_records where id = ?', [last.id]);
    expect(await verification(other.school, other.token)).toMatchObject({
      intact: false,
      firstBroken: { reason: 'missing', recordId: null, chainSeq: last.chain_seq },
    });
  });

  it('sealers running at once, while records keep arriving, build one unbroken chain', async () => {
    const { school, token } = await schoolWithAdmin();
    await givenRecords(school, 120);
    const seal = (name: string, useCase: SealAuditTrailUseCase) =>
      inJobContext(stack.orm, name, () => useCase.execute({ batch: 25 }));
    const inApi = stack.app.get(SealAuditTrailUseCase);
    const inWorker = worker.get(SealAuditTrailUseCase);

    await Promise.all([
      seal('race-1', inApi),
      seal('race-2', inWorker),
      givenRecords(school, 40),
      seal('race-3', inApi),
      sealByJob(),
    ]);
    await sealByJob();

    const chain = await chainOf(school);
    // The admin's sign-in and the 160 records, each sealed once.
    expect(chain.map((r) => r.chain_seq)).toEqual(Array.from({ length: 161 }, (_, i) => i + 1));
    expect(await verification(school, token)).toMatchObject({ intact: true, sealed: 161, unsealed: 0 });
  });

  it('records unsealed past the grace period are counted, then sealed at the chain’s end', async () => {
    const { school, token } = await schoolWithAdmin();
    await givenRecords(school, 2);
    await sealByJob();
    // A record that committed late: written long ago, seen only now.
    const [late] = await givenRecords(school, 1, Date.now() - 3_600_000);
    expect(await verification(school, token)).toMatchObject({ intact: true, sealed: 3, unsealed: 1 });
    await sealByJob();
    const chain = await chainOf(school);
    expect(chain.at(-1)).toMatchObject({ id: late, chain_seq: 4 });
    expect(await verification(school, token)).toMatchObject({ intact: true, sealed: 4, unsealed: 0 });
  });

  it('the worker’s schedule seals new records by itself, within seconds', async () => {
    const { school, token } = await schoolWithAdmin();
    const scheduled = await createWorker(loadConfig(WorkerConfig, apiSettings(stack.identity, settings)));
    try {
      await givenRecords(school, 3);
      await eventually(
        async () => {
          const v = await verification(school, token);
          return v.sealed === 4 && v.unsealed === 0 ? v : undefined;
        },
        25_000,
        500,
      );
    } finally {
      await scheduled.close();
    }
  }, 40_000);

  describe('sign-ins', () => {
    const signIns = (schoolId: string, userId: string) =>
      stack.orm.em
        .fork()
        .find(
          AuditRecord,
          { action: 'session.signed_in', schoolId: schoolId as SchoolId, targetId: userId },
          { filters: false },
        );

    it('a token’s first request records one sign-in in each of the person’s schools; later requests none', async () => {
      const { trust, school } = await schoolWithAdmin();
      const second = await stack.make.school(trust);
      const elsewhere = await schoolWithAdmin();
      const { user } = await stack.make.member('teacher', { school });
      await stack.make.membership(user, 'office', { school: second });
      const token = await tokenOf(user);

      expect((await get('/api/v1/me', token)).status).toBe(200);
      const first = await signIns(school.id, user.id);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        actorId: user.id,
        trustId: trust.id,
        targetType: 'user',
        targetId: user.id,
        summary: expect.stringMatching(/^Signed in/),
      });
      expect(await signIns(second.id, user.id)).toHaveLength(1);
      expect(await signIns(elsewhere.school.id, user.id)).toHaveLength(0);

      await Promise.all(Array.from({ length: 8 }, () => get('/api/v1/me', token)));
      expect(await signIns(school.id, user.id)).toHaveLength(1);
      expect(await signIns(second.id, user.id)).toHaveLength(1);
    });

    it('a new sign-in, its requests arriving at once, is recorded once more', async () => {
      const { school } = await schoolWithAdmin();
      const { user } = await stack.make.member('teacher', { school });
      await get('/api/v1/me', await tokenOf(user));
      const again = await tokenOf(user);

      const burst = await Promise.all(Array.from({ length: 10 }, () => get('/api/v1/me', again)));

      expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(await signIns(school.id, user.id)).toHaveLength(2);
    });

    it('spent sessions are forgotten by the worker’s job; live ones are kept', async () => {
      const spent = randomUUID().replace(/-/g, '').padEnd(64, '0');
      const live = randomUUID().replace(/-/g, '').padEnd(64, '1');
      for (const [key, until] of [
        [spent, new Date(Date.now() - 60_000)],
        [live, new Date(Date.now() + 3_600_000)],
      ] as const) {
        await sql(
          'insert into sign_in_sessions (session_key, user_id, signed_in_at, expires_at) values (?, ?, ?, ?)',
          [key, v7(), new Date(), until],
        );
      }
      const job = await compliance.add(
        'forget-sign-ins',
        {},
        { jobId: jobIds.forgetSignIns(), removeOnComplete: true },
      );
      await eventually(async () => ((await compliance.getJob(job.id!)) ? undefined : true), 15_000, 50);

      const kept = await stack.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ session_key: string }>>(
          'select session_key from sign_in_sessions where session_key in (?, ?)',
          [spent, live],
        );
      expect(kept.map((r) => r.session_key)).toEqual([live]);
    });

    it('API instances racing on one session record it once (the database decides, not memory)', async () => {
      const { trust, school } = await schoolWithAdmin();
      const { user } = await stack.make.member('teacher', { school });
      const actor = new Actor(
        user.id as UserId,
        user.email,
        [{ role: 'teacher', trustId: trust.id as TrustId, schoolId: school.id as SchoolId }],
        false,
        true,
      );
      const session = {
        key: `sid:${randomUUID()}`,
        signedInAt: new Date(),
        expiresAt: new Date(Date.now() + 900_000),
      };
      const record = stack.app.get(RecordSignInUseCase);

      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          inJobContext(stack.orm, `instance-${i}`, () => record.execute({ actor, session })),
        ),
      );

      expect(results.filter((r) => r.status === 'recorded')).toHaveLength(1);
      expect(await signIns(school.id, user.id)).toHaveLength(1);
    });
  });

  describe('exports', () => {
    it('downloading a report records who exported which report as which file', async () => {
      const { trust, school, admin, token } = await schoolWithAdmin();
      const event = await stack.make.event(school, admin.id as UserId, 'published');

      const participation = await get(
        `/api/v1/schools/${school.id}/events/${event.id}/reports/participation/export?format=xlsx`,
        token,
      );
      expect(participation.status).toBe(200);
      const equity = await get(`/api/v1/schools/${school.id}/reports/equity/export`, token);
      expect(equity.status).toBe(200);

      const records = await stack.orm.em
        .fork()
        .find(
          AuditRecord,
          { action: 'report.exported', schoolId: school.id },
          { filters: false, orderBy: { id: 'asc' } },
        );
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({
        actorId: admin.id,
        trustId: trust.id,
        targetType: 'report',
        targetId: `participation-${event.id}`,
        summary: expect.stringMatching(/^Downloaded .+ as Excel$/),
        after: { report: 'participation', format: 'xlsx', subjectId: event.id },
      });
      expect(records[1]).toMatchObject({
        targetId: 'school-equity',
        summary: expect.stringMatching(/ as CSV$/),
        after: { report: 'school-equity', format: 'csv', from: expect.any(String), to: expect.any(String) },
      });
      const log = await get(`/api/v1/schools/${school.id}/audit-records?action=report.exported`, token);
      expect(log.body.items).toHaveLength(2);
    });

    it('a download another school may not see records nothing', async () => {
      const ours = await schoolWithAdmin();
      const theirs = await schoolWithAdmin();
      const before = await stack.make.auditCount({ action: 'report.exported' });

      const refused = await get(`/api/v1/schools/${theirs.school.id}/reports/equity/export`, ours.token);

      expect(refused.status).toBe(404);
      expect(await stack.make.auditCount({ action: 'report.exported' })).toBe(before);
    });
  });
});
