import { MikroORM } from '@mikro-orm/core';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { RunRetentionUseCase, ScheduleComplianceWorkUseCase } from '@rowan/compliance';
import type { Pupil, School } from '@rowan/directory';
import { FixedClock } from '@rowan/kernel';
import type { StripeStandIn } from '@rowan/sandbox';
import FusionAuthClient from '@fusionauth/typescript-client';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from '../support/api-stack';
import { expectEventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startPaymentsStack, type PaymentsStack } from '../support/payments-stack';
import { TEST_API_KEY, TEST_APPLICATION_ID, TEST_TENANT_ID } from '../support/test-env';

/**
 * Leavers under a controllable clock, through the real worker: a pupil who left on 20 July 2024 stays visible
 * until 31 August 2026 and is anonymised on 1 September 2026, with their contact who has no other child; the
 * sibling's contact keeps their current child; and the trip they paid for still reconciles with Stripe.
 */
describe('retention: leavers are kept two academic years, then anonymised', () => {
  let payments: PaymentsStack | undefined;
  let stack: ApiStack;
  let stripe: StripeStandIn;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    payments = await startPaymentsStack(clock);
    ({ stack, stripe } = payments);
  });
  afterAll(() => payments?.close());

  const { as, sql, school, parent } = eventsKit(() => stack);
  const MEDICAL = randomUUID();
  const worker = () => payments!.worker;
  const inWorker = <T>(name: string, work: () => Promise<T>) =>
    inJobContext(worker().get(MikroORM), name, work);
  const schedule = () => inWorker('schedule', () => worker().get(ScheduleComplianceWorkUseCase).execute());
  const runs = async (s: School, staff: string) =>
    (await as(staff).get(`/api/v1/schools/${s.id}/retention-runs`)).body.items as Array<{
      pupils: number;
      contacts: number;
      rows: Record<string, number>;
    }>;

  async function paidTrip(s: School, staff: string, child: Pupil, token: string) {
    const startsAt = Date.now() + 14 * 86_400_000;
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, {
      kind: 'trip',
      title: `Castle trip ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
      capacity: 10,
      priceP: 1800,
      eligibility: { ncYears: [6] },
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id as string;
    const form = await as(staff).put(`/api/v1/schools/${s.id}/events/${eventId}/consent-form`, {
      questions: [{ id: MEDICAL, kind: 'medical_notes', label: 'Medical notes', required: false }],
    });
    expect(form.status).toBe(200);
    expect((await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/publish`)).status).toBe(200);
    const booked = await as(token).post('/api/v1/me/bookings', { eventId, pupilId: child.id });
    expect(booked.status).toBe(201);
    const opened = await as(token).post(`/api/v1/me/bookings/${booked.body.id}/checkout`);
    expect(opened.status).toBe(201);
    stripe.control.pay(decodeURIComponent(new URL(opened.body.url).pathname.split('/').pop()!));
    await expectEventually(async () =>
      expect(
        (
          (await sql('select state from event_bookings where id = ?', [booked.body.id])) as Array<{
            state: string;
          }>
        )[0]?.state,
      ).toBe('confirmed'),
    );
    await stripe.control.idle();
    return { eventId, bookingId: booked.body.id as string };
  }

  it('keeps a pupil who left on 20 July 2024 until 31 August 2026, anonymises them on 1 September 2026, and their payment still reconciles', async () => {
    const { school: s, staff } = await school();
    const account = `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await as(staff).put(`/api/v1/schools/${s.id}/payment-settings`, {
      stripeAccountId: account,
      cancellationRefund: 'full',
    });
    const leaver = await stack.make.pupil(s, 'Lenny', `Leaver${randomUUID().slice(0, 4)}`, 6);
    const sibling = await stack.make.pupil(s, 'Sally', 'Sibling', 4);
    const onlyLeaverParent = await parent(s, [leaver]);
    const siblingsParent = await parent(s, [leaver, sibling]);
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, 'sen', 'K', '2020-09-01', null)`,
      [v7(), s.id, leaver.id],
    );
    const { eventId, bookingId } = await paidTrip(s, staff, leaver, onlyLeaverParent);
    const consent = await as(onlyLeaverParent).put(`/api/v1/me/bookings/${bookingId}/consent`, {
      answers: [{ questionId: MEDICAL, value: 'Asthma: blue inhaler' }],
    });
    expect([200, 201]).toContain(consent.status);
    // The parent's account at the identity provider (the sandbox FusionAuth), which must go with them.
    const fusionAuth = new FusionAuthClient(TEST_API_KEY, stack.identity.issuer, TEST_TENANT_ID);
    const registered = await fusionAuth.register(undefined as unknown as string, {
      user: { email: `leaver.parent.${randomUUID().slice(0, 8)}@example.test`, password: 'a-long-password' },
      registration: { applicationId: TEST_APPLICATION_ID },
    });
    const subject = registered.response.user!.id!;
    // The MIS said they left in the summer of 2024.
    await sql(`update pupils set enrolment = 'left', leave_date = '2024-07-20' where id = ?`, [leaver.id]);
    const contactIds = (await sql(
      'select contact_id from pupil_contacts where pupil_id = ? order by contact_id',
      [leaver.id],
    )) as Array<{ contact_id: string }>;
    expect(contactIds).toHaveLength(2);
    const [soleContact] = (await sql(
      `select c.id from contacts c join pupil_contacts pc on pc.contact_id = c.id
        where pc.pupil_id = ? and c.id not in (select contact_id from pupil_contacts where pupil_id = ?)`,
      [leaver.id, sibling.id],
    )) as Array<{ id: string }>;
    const [soleUser] = (await sql('select user_id from contacts where id = ?', [soleContact!.id])) as Array<{
      user_id: string;
    }>;
    await sql('update users set identity_subject = ? where id = ?', [subject, soleUser!.user_id]);
    const [sharedContact] = (await sql('select contact_id as id from pupil_contacts where pupil_id = ?', [
      sibling.id,
    ])) as Array<{ id: string }>;

    // 31 August 2026: still within the two academic years after 2023/24.
    clock.set(new Date('2026-08-31T22:30:00Z'));
    await schedule();
    const kept = await as(staff).get(`/api/v1/schools/${s.id}/pupils/${leaver.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      preferredForename: 'Lenny',
      enrolment: 'left',
      leaveDate: '2024-07-20',
      anonymised: false,
    });
    expect(kept.body.contacts).toHaveLength(2);
    expect(await runs(s, staff)).toEqual([]);
    const overview = await as(staff).get(`/api/v1/schools/${s.id}/retention`);
    expect(overview.body).toMatchObject({ kept: 1, anonymised: 0, nextAnonymisationOn: '2026-09-01' });

    // 1 September 2026: the daily schedule queues the school's run and the worker anonymises them.
    clock.set(new Date('2026-09-01T01:00:00Z'));
    expect((await schedule()).retention).toBeGreaterThanOrEqual(1);
    await expectEventually(async () => expect(await runs(s, staff)).toHaveLength(1));
    const [run] = await runs(s, staff);
    expect(run).toMatchObject({ pupils: 1, contacts: 1 });
    expect(run!.rows).toMatchObject({
      'directory.pupils': 1,
      'directory.contacts': 1,
      'directory.pupil_characteristics': 1,
      'events.event_consents': 1,
      'access.memberships': 1,
    });

    const gone = await as(staff).get(`/api/v1/schools/${s.id}/pupils/${leaver.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({
      preferredForename: 'Anonymised',
      preferredSurname: 'pupil',
      legalForename: 'Anonymised',
      upn: null,
      dateOfBirth: null,
      email: null,
      anonymised: true,
      contacts: [],
      characteristics: [],
    });
    expect(JSON.stringify(gone.body)).not.toContain('Lenny');
    // The parent of the leaver alone: no longer anyone's contact, so no longer listed, and kept without a name.
    expect((await as(staff).get(`/api/v1/schools/${s.id}/contacts/${soleContact!.id}`)).status).toBe(404);
    const [soleRow] = (await sql(
      'select forename, surname, emails, mobiles, user_id, anonymised_at from contacts where id = ?',
      [soleContact!.id],
    )) as Array<Record<string, unknown>>;
    expect(soleRow).toMatchObject({
      forename: 'Anonymised',
      surname: 'contact',
      emails: [],
      mobiles: [],
      user_id: null,
    });
    expect(soleRow!.anonymised_at).not.toBeNull();
    // The sibling's parent still has a current child: kept, linked to the sibling only.
    const shared = await as(staff).get(`/api/v1/schools/${s.id}/contacts/${sharedContact!.id}`);
    expect(shared.body.forename).toBe('Pat');
    expect(shared.body.children.map((c: { id: string }) => c.id)).toEqual([sibling.id]);
    expect((await as(siblingsParent).get('/api/v1/me/children')).status).toBe(200);
    // The anonymised parent's access to the school ended.
    const [soleMembership] = (await sql(
      "select status from memberships where user_id = ? and role = 'parent'",
      [soleUser!.user_id],
    )) as Array<{ status: string }>;
    expect(soleMembership?.status).toBe('revoked');
    // Their account at the identity provider is deleted by the worker once the pass has committed.
    await expectEventually(async () => {
      const found = await fusionAuth.retrieveUser(subject).then(
        () => 200,
        (error: { statusCode?: number }) => error.statusCode,
      );
      expect(found).toBe(404);
    });
    const answers = (await sql('select answers from event_consents where booking_id = ?', [
      bookingId,
    ])) as Array<{
      answers: string;
    }>;
    expect(answers.map((a) => (typeof a.answers === 'string' ? JSON.parse(a.answers) : a.answers))).toEqual([
      [],
    ]);

    // The booking and its payment stay, and still reconcile with Stripe.
    const money = await as(staff).get(
      `/api/v1/schools/${s.id}/events/${eventId}/bookings/${bookingId}/payments`,
    );
    expect(money.status).toBe(200);
    expect(money.body).toMatchObject({ paidP: 1800, refundedP: 0 });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const reconciled = await as(staff).get(
      `/api/v1/schools/${s.id}/payments/reconciliation?from=${from}&to=${to}`,
    );
    expect(reconciled.body).toMatchObject({ clean: true, matched: 1, mismatches: [] });
    // A refund can still be made to the anonymised pupil's booking.
    const refund = await as(staff).post(
      `/api/v1/schools/${s.id}/events/${eventId}/bookings/${bookingId}/refunds`,
      {
        amountP: 300,
        reason: 'Coach cost less',
      },
    );
    expect(refund.status).toBe(200);

    // Idempotent: another run the same day finds nobody and changes nothing, but records that it ran.
    const before = await sql('select * from pupils where id = ?', [leaver.id]);
    const again = await inWorker('again', () =>
      worker().get(RunRetentionUseCase).execute({ schoolId: s.id }),
    );
    expect(again).toMatchObject({ pupils: 0, contacts: 0 });
    expect(await sql('select * from pupils where id = ?', [leaver.id])).toEqual(before);
    expect(await runs(s, staff)).toHaveLength(2);
    clock.set(new Date());
  }, 60_000);

  it('lets only those with the permission read retention, and answers 404 for another school', async () => {
    const { school: s } = await school();
    const { school: other, staff: otherStaff } = await school();
    const { user } = await stack.make.member('teacher', { school: s });
    const teacher = await stack.token({ userId: user.identitySubject!, email: user.email });
    expect((await as(teacher).get(`/api/v1/schools/${s.id}/retention`)).status).toBe(403);
    expect((await as(otherStaff).get(`/api/v1/schools/${s.id}/retention`)).status).toBe(404);
    expect((await as(otherStaff).get(`/api/v1/schools/${other.id}/retention`)).status).toBe(200);
  });
});
