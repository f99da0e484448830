import { AuditRecord } from '@rowan/access';
import type { School, Trust } from '@rowan/directory';
import { FixedClock } from '@rowan/kernel';
import type { TwilioStandIn } from '@rowan/sandbox';
import type { ApiStack } from '../support/api-stack';
import { startMessagingStack, type MessagingStack } from '../support/messaging-stack';
import { expectEventually as eventually } from '../support/eventually';
import { seedSentMessage, setSmsPrice } from '../support/ledger-seed';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);
const zeroChannels = {
  app: { total: 0, reached: 0 },
  email: { total: 0, reached: 0 },
  sms: { total: 0, reached: 0 },
};

/**
 * Messaging analytics and the trust SMS budget over a ledger seeded across two schools of a trust (and a
 * school of another trust), May to July 2025, in UK time: summer time, so a UK day starts at 23:00 UTC.
 */
describe('messaging analytics and the trust SMS budget', () => {
  let messaging: MessagingStack | undefined;
  let stack: ApiStack;
  let twilio: TwilioStandIn;
  let trust: Trust;
  let schoolA: School;
  let schoolB: School;
  let other: School;
  const tokens: Record<'trustAdmin' | 'otherTrustAdmin' | 'adminA' | 'officeA' | 'teacherA', string> = {
    trustAdmin: '',
    otherTrustAdmin: '',
    adminA: '',
    officeA: '',
    teacherA: '',
  };

  const get = (token: string, path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`);
  const put = (token: string, path: string, body: object) =>
    stack.http().put(path).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    messaging = await startMessagingStack(new FixedClock(new Date()), { SMS_PER_SECOND: '500' });
    ({ stack, twilio } = messaging);

    trust = await stack.make.trust();
    schoolA = await stack.make.school(trust, `Analytics A ${Date.now()}`);
    schoolB = await stack.make.school(trust, `Analytics B ${Date.now()}`);
    const otherTrust = await stack.make.trust();
    other = await stack.make.school(otherTrust);
    await stack.make.communicationSettings(schoolA, { quietHours: null, approvalThreshold: null });
    await setSmsPrice(stack.orm, schoolA, 5); // school B keeps the default, 4p
    const mint = async (role: Parameters<ApiStack['make']['member']>[0], where: object) => {
      const { user } = await stack.make.member(role, where);
      return stack.token({ userId: user.identitySubject!, email: user.email });
    };
    tokens.trustAdmin = await mint('trust_admin', { trust });
    tokens.otherTrustAdmin = await mint('trust_admin', { trust: otherTrust });
    tokens.adminA = await mint('school_admin', { school: schoolA });
    tokens.officeA = await mint('office', { school: schoolA });
    tokens.teacherA = await mint('teacher', { school: schoolA });

    // School A, May: four recipients. App read; email bounced then a text (2 segments, reported); a text
    // refused at send (never billed); app unread then a text sent in July (1 segment).
    await seedSentMessage(stack.orm, schoolA, at('2025-05-10T09:00:00Z'), [
      [{ channel: 'app', state: 'read', sentAt: at('2025-05-10T09:00:00Z') }],
      [
        { channel: 'email', state: 'bounced', sentAt: at('2025-05-10T09:00:00Z') },
        {
          channel: 'sms',
          state: 'sent',
          sentAt: at('2025-05-10T09:01:00Z'),
          segments: 2,
          estimatedSegments: 1,
        },
      ],
      [{ channel: 'sms', state: 'failed', estimatedSegments: 1 }],
      [
        { channel: 'app', state: 'sent', sentAt: at('2025-05-10T09:00:00Z') },
        { channel: 'sms', state: 'delivered', sentAt: at('2025-07-02T10:00:00Z'), segments: 1 },
      ],
    ]);
    // 23:30 UTC on 31 May is 00:30 on 1 June in the UK: June. No segments reported yet: 3 estimated count.
    await seedSentMessage(stack.orm, schoolA, at('2025-05-31T23:30:00Z'), [
      [{ channel: 'sms', state: 'delivered', sentAt: at('2025-05-31T23:31:00Z'), estimatedSegments: 3 }],
      [],
    ]);
    // 00:30 on Monday 2 June, UK: the next week.
    await seedSentMessage(stack.orm, schoolA, at('2025-06-01T23:30:00Z'), [
      [{ channel: 'email', state: 'delivered', sentAt: at('2025-06-01T23:30:00Z') }],
    ]);
    // Not sent: a held message and a draft count for nothing.
    await seedSentMessage(stack.orm, schoolA, at('2025-06-10T10:00:00Z'), [], 'held');
    await seedSentMessage(stack.orm, schoolA, null, [], 'draft');
    // School B, June.
    await seedSentMessage(stack.orm, schoolB, at('2025-06-15T12:00:00Z'), [
      [{ channel: 'sms', state: 'sent', sentAt: at('2025-06-15T12:00:00Z'), segments: 1 }],
      [{ channel: 'email', state: 'delivered', sentAt: at('2025-06-15T12:00:00Z') }],
    ]);
    // Another trust's school, June: never in this trust's figures.
    await seedSentMessage(stack.orm, other, at('2025-06-15T12:00:00Z'), [
      [{ channel: 'sms', state: 'sent', sentAt: at('2025-06-15T12:00:00Z'), segments: 9 }],
    ]);
    // This month: A 2 segments at 5p, B 1 estimated segment at 4p.
    const now = new Date(Date.now() - 60_000);
    await seedSentMessage(stack.orm, schoolA, now, [
      [{ channel: 'sms', state: 'delivered', sentAt: now, segments: 2 }],
    ]);
    await seedSentMessage(stack.orm, schoolB, now, [
      [{ channel: 'sms', state: 'sent', sentAt: now, estimatedSegments: 1 }],
    ]);
  });

  afterAll(() => messaging?.close());

  const schoolUrl = (s: School, query: string) => `/api/v1/schools/${s.id}/messaging-analytics?${query}`;
  const trustUrl = (t: { id: string }, query: string) =>
    `/api/v1/trusts/${t.id}/messaging-analytics?${query}`;
  const SUMMER = 'from=2025-05-01&to=2025-07-31&interval=month';

  it('counts a school’s messages, reach, deliveries and SMS cost per UK month', async () => {
    const response = await get(tokens.officeA, schoolUrl(schoolA, SUMMER));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schoolId: schoolA.id,
      from: '2025-05-01',
      to: '2025-07-31',
      interval: 'month',
      timeZone: 'Europe/London',
    });
    expect(response.body.periods).toEqual([
      {
        firstDay: '2025-05-01',
        lastDay: '2025-05-31',
        messages: 1,
        recipients: 4,
        reached: 3,
        reachRate: 0.75,
        deliveries: {
          app: { total: 2, reached: 2 },
          email: { total: 1, reached: 0 },
          sms: { total: 3, reached: 2 },
        },
        smsSegments: 2,
        smsCostPence: 10,
      },
      {
        firstDay: '2025-06-01',
        lastDay: '2025-06-30',
        messages: 2,
        recipients: 3,
        reached: 2,
        reachRate: 0.667,
        deliveries: { ...zeroChannels, email: { total: 1, reached: 1 }, sms: { total: 1, reached: 1 } },
        smsSegments: 3,
        smsCostPence: 15,
      },
      {
        firstDay: '2025-07-01',
        lastDay: '2025-07-31',
        messages: 0,
        recipients: 0,
        reached: 0,
        reachRate: null,
        deliveries: zeroChannels,
        smsSegments: 1,
        smsCostPence: 5,
      },
    ]);
    expect(response.body.totals).toMatchObject({
      messages: 3,
      recipients: 7,
      reached: 5,
      reachRate: 0.714,
      smsSegments: 6,
      smsCostPence: 30,
    });
  });

  it('splits weeks Monday to Sunday in UK time', async () => {
    const response = await get(
      tokens.adminA,
      schoolUrl(schoolA, 'from=2025-05-26&to=2025-06-08&interval=week'),
    );
    expect(response.status).toBe(200);
    expect(
      response.body.periods.map((p: Record<string, unknown>) => [
        p.firstDay,
        p.lastDay,
        p.messages,
        p.recipients,
        p.reached,
        p.smsCostPence,
      ]),
    ).toEqual([
      ['2025-05-26', '2025-06-01', 1, 2, 1, 15],
      ['2025-06-02', '2025-06-08', 1, 1, 1, 0],
    ]);
  });

  it('gives trust admins the trust’s totals with each school beside them, and nothing of another trust', async () => {
    const response = await get(tokens.trustAdmin, trustUrl(trust, SUMMER));
    expect(response.status).toBe(200);
    const june = response.body.periods[1];
    expect(june).toEqual({
      firstDay: '2025-06-01',
      lastDay: '2025-06-30',
      messages: 3,
      recipients: 5,
      reached: 4,
      reachRate: 0.8,
      deliveries: { ...zeroChannels, email: { total: 2, reached: 2 }, sms: { total: 2, reached: 2 } },
      smsSegments: 4,
      smsCostPence: 19,
    });
    expect(response.body.totals).toMatchObject({ messages: 4, recipients: 9, reached: 7, smsCostPence: 34 });
    expect(response.body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([
      schoolA.id,
      schoolB.id,
    ]);
    const b = response.body.schools[1];
    expect(b).toMatchObject({
      name: schoolB.name,
      totals: { messages: 1, recipients: 2, reached: 2, smsCostPence: 4 },
    });
    expect(b.periods.map((p: { smsCostPence: number }) => p.smsCostPence)).toEqual([0, 4, 0]);
    expect(JSON.stringify(response.body)).not.toContain(other.id);
  });

  it('shows a school nothing of another school, and the trust view only to trust admins', async () => {
    for (const s of [schoolB, other]) {
      const response = await get(tokens.adminA, schoolUrl(s, SUMMER));
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(response.body)).not.toContain(s.name);
    }
    expect((await get(tokens.teacherA, schoolUrl(schoolA, SUMMER))).status).toBe(403);
    expect((await get(tokens.adminA, trustUrl(trust, SUMMER))).status).toBe(403);
    expect((await get(tokens.otherTrustAdmin, trustUrl(trust, SUMMER))).status).toBe(404);
    expect((await get(tokens.otherTrustAdmin, schoolUrl(schoolA, SUMMER))).status).toBe(404);
    expect((await get(tokens.trustAdmin, schoolUrl(schoolB, SUMMER))).body.totals.smsCostPence).toBe(4);
  });

  it('refuses bad dates and intervals as problem+json naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['from=2025-05-01&interval=day', 'interval'],
      ['from=2025-13-01&to=2025-12-31', 'from'],
      ['from=1st%20May', 'from'],
      ['from=2025-06-01&to=2025-05-01', 'to'],
      ['from=2020-01-01&to=2025-01-01&interval=week', 'from'],
      ['from=2025-01-01&colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const response = await get(tokens.adminA, schoolUrl(schoolA, query));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('defaults to the last twelve UK months', async () => {
    const response = await get(tokens.adminA, `/api/v1/schools/${schoolA.id}/messaging-analytics`);
    expect(response.status).toBe(200);
    expect(response.body.interval).toBe('month');
    expect(response.body.periods).toHaveLength(12);
    expect(response.body.periods.at(-1).smsCostPence).toBe(10);
  });

  describe('the trust SMS budget', () => {
    const url = () => `/api/v1/trusts/${trust.id}/communication-settings`;

    it('shows this month’s spend across the trust, school by school', async () => {
      const response = await get(tokens.trustAdmin, url());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        trustId: trust.id,
        smsBudgetPence: null,
        month: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).slice(0, 7),
        smsSpentPence: 14,
        smsRemainingPence: null,
      });
      expect(response.body.schools).toEqual([
        { schoolId: schoolA.id, name: schoolA.name, smsSpentPence: 10, smsBudgetPence: null },
        { schoolId: schoolB.id, name: schoolB.name, smsSpentPence: 4, smsBudgetPence: null },
      ]);
      expect((await get(tokens.adminA, url())).status).toBe(403);
      expect((await get(tokens.otherTrustAdmin, url())).status).toBe(404);
    });

    it('refuses a bad budget, naming the field, and changes nothing', async () => {
      const before = await stack.make.auditCount({ trustId: trust.id as never });
      for (const body of [{}, { smsBudgetPence: 'lots' }, { smsBudgetPence: -1 }, { smsBudgetPence: 1.5 }]) {
        const response = await put(tokens.trustAdmin, url(), body);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('smsBudgetPence');
      }
      const unknown = await put(tokens.trustAdmin, url(), { smsBudgetPence: 100, perSchool: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        { field: 'perSchool', message: 'is not a field this endpoint accepts' },
      ]);
      expect((await put(tokens.adminA, url(), { smsBudgetPence: 100 })).status).toBe(403);
      expect((await put(tokens.otherTrustAdmin, url(), { smsBudgetPence: 100 })).status).toBe(404);
      expect(await stack.make.auditCount({ trustId: trust.id as never })).toBe(before);
      expect((await get(tokens.trustAdmin, url())).body.smsBudgetPence).toBeNull();
    });

    it('sets the budget with one audit record, and holds a send over it with the reason', async () => {
      const before = await stack.make.auditCount({ trustId: trust.id as never });
      const response = await put(tokens.trustAdmin, url(), { smsBudgetPence: 15 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ smsBudgetPence: 15, smsSpentPence: 14, smsRemainingPence: 1 });
      expect(await stack.make.auditCount({ trustId: trust.id as never })).toBe(before + 1);
      const record = await stack.orm.em
        .fork()
        .findOneOrFail(
          AuditRecord,
          { trustId: trust.id as never, action: 'communications.trust_settings_changed' },
          { filters: false },
        );
      expect(record).toMatchObject({
        schoolId: null,
        targetType: 'trust',
        targetId: trust.id,
        before: { smsBudgetPence: null },
        after: { smsBudgetPence: 15 },
      });
      expect(
        (await get(tokens.adminA, `/api/v1/schools/${schoolA.id}/communication-settings`)).body,
      ).toMatchObject({
        trustSmsBudgetPence: 15,
      });

      // One text of one segment at 5p: the school has no budget of its own, but the trust has 1p left.
      const pupil = await stack.make.pupil(schoolA, 'Bea', 'Budget', 7);
      await stack.make.link(pupil, await stack.make.contact(schoolA, 'Bo', 'Budget', [], ['+447700900555']));
      const sent = await stack
        .http()
        .post(`/api/v1/schools/${schoolA.id}/messages`)
        .set('authorization', `Bearer ${tokens.officeA}`)
        .send({
          audience: { kind: 'contacts', ncYears: [7] },
          content: { sms: { text: 'Over budget' } },
          policy: 'sms',
        });
      expect(sent.status).toBe(201);
      await eventually(async () =>
        expect(
          (await get(tokens.officeA, `/api/v1/schools/${schoolA.id}/messages/${sent.body.id}`)).body,
        ).toMatchObject({
          status: 'held',
          heldReason: 'The texts would cost £0.05; the trust has £0.01 of its £0.15 monthly SMS budget left',
        }),
      );
      expect(twilio.messages().filter((m) => m.to === '+447700900555')).toHaveLength(0);
    });

    it('counts a real send: the estimate stored with each text, then the segments Twilio reported', async () => {
      expect((await put(tokens.trustAdmin, url(), { smsBudgetPence: null })).status).toBe(200);
      const pupil = await stack.make.pupil(schoolA, 'Cai', 'Counted', 8);
      await stack.make.link(
        pupil,
        await stack.make.contact(schoolA, 'Cat', 'Counted', [], ['+447700900556']),
      );
      // 170 GSM characters: two segments.
      const text = `Dear {{forename}}, ${'x'.repeat(160)}`;
      const sent = await stack
        .http()
        .post(`/api/v1/schools/${schoolA.id}/messages`)
        .set('authorization', `Bearer ${tokens.officeA}`)
        .send({ audience: { kind: 'contacts', ncYears: [8] }, content: { sms: { text } }, policy: 'sms' });
      expect(sent.status).toBe(201);
      await eventually(async () =>
        expect(twilio.messages().filter((m) => m.to === '+447700900556')).toHaveLength(1),
      );
      const ledger = () =>
        stack.orm.em
          .fork()
          .getConnection()
          .execute<Array<{ segments: number | null; estimated_segments: number | null }>>(
            'select segments, estimated_segments from deliveries where message_id = ?',
            [sent.body.id],
          );
      await eventually(async () => expect(await ledger()).toEqual([{ segments: 2, estimated_segments: 2 }]));
      const report = await get(tokens.adminA, `/api/v1/schools/${schoolA.id}/messaging-analytics`);
      // This month: the seeded 2 segments and these 2, at 5p.
      expect(report.body.periods.at(-1)).toMatchObject({ smsSegments: 4, smsCostPence: 20 });
      expect((await get(tokens.trustAdmin, url())).body.smsSpentPence).toBe(24);
    });
  });
});
