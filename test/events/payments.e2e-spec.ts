import { inJobContext } from '@rowan/adapters/persistence/job-context';
import type { Pupil, School } from '@rowan/directory';
import { ExpirePaymentHoldUseCase } from '@rowan/events';
import { FixedClock } from '@rowan/kernel';
import type { StripeStandIn } from '@rowan/sandbox';
import { MikroORM } from '@mikro-orm/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { v7 } from 'uuid';
import type { Response } from 'supertest';
import type { ApiStack } from '../support/api-stack';
import { expectEventually } from '../support/eventually';
import { eventsKit } from '../support/events-kit';
import { startPaymentsStack, type PaymentsStack } from '../support/payments-stack';
import { TEST_STRIPE } from '../support/test-env';

/**
 * Paying for bookings with the real API and worker and the sandbox Stripe (the real SDK pointed at it, its
 * signed webhooks pointed at the API): a priced place is held until paid and confirmed exactly once, a subsidised
 * pupil pays the subsidised price, refunds go through Stripe and the ledger, webhooks in any order and number
 * settle as one in-order delivery, and reconciliation against Stripe's balance transactions flags a mismatch.
 */
describe('payments: Stripe checkout, webhooks, refunds and reconciliation', () => {
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

  async function pupilPremium(pupil: Pupil) {
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, 'pupil_premium', 'yes', '2026-09-01', null)`,
      [v7(), pupil.schoolId, pupil.id],
    );
  }

  const startsAt = Date.now() + 14 * 86_400_000;
  const trip = (extra: object = {}) => ({
    kind: 'trip',
    title: `Science Museum ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
    capacity: 10,
    priceP: 2450,
    eligibility: { ncYears: [5] },
    ...extra,
  });

  async function published(staff: string, s: School, body: object): Promise<string> {
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, body);
    expect(created.status).toBe(201);
    expect((await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`)).status).toBe(
      200,
    );
    return created.body.id as string;
  }

  /** A school taking payments into its own (sandbox) connected account. */
  async function payingSchool() {
    const made = await school();
    const account = `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const saved = await as(made.staff).put(`/api/v1/schools/${made.school.id}/payment-settings`, {
      stripeAccountId: account,
      cancellationRefund: 'full',
    });
    expect(saved.status).toBe(200);
    return { ...made, account };
  }

  const book = (token: string, eventId: string, pupilId: string) =>
    as(token).post('/api/v1/me/bookings', { eventId, pupilId });
  const checkout = (token: string, bookingId: string) =>
    as(token).post(`/api/v1/me/bookings/${bookingId}/checkout`);
  const sessionIdOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!);
  const intentOf = (session: string) =>
    (stripe.control.sessions().find((x) => x.id === session) as unknown as { payment_intent: string })
      .payment_intent;
  const bookingState = async (id: string) =>
    ((await sql('select state from event_bookings where id = ?', [id])) as Array<{ state: string }>)[0]
      ?.state;
  const ledger = async (bookingId: string) =>
    (await sql('select entry, amount_p from payment_ledger where booking_id = ? order by entry, amount_p', [
      bookingId,
    ])) as Array<{ entry: string; amount_p: number }>;

  /** A Year 5 child and their parent (made before the trip is published, so the child is invited). */
  async function family(s: School, name = 'Ada') {
    const child = await stack.make.pupil(s, name, `Payer${randomUUID().slice(0, 4)}`, 5);
    return { child, token: await parent(s, [child]) };
  }

  /** The family books the trip and opens the checkout: the ids and the session. */
  async function heldAndOpened(f: { child: Pupil; token: string }, eventId: string) {
    const { child, token } = f;
    const booked = await book(token, eventId, child.id);
    expect(booked.status).toBe(201);
    const opened = await checkout(token, booked.body.id);
    expect(opened.status).toBe(201);
    return {
      child,
      token,
      bookingId: booked.body.id as string,
      session: sessionIdOf(opened.body.url),
      opened,
    };
  }

  /** A family's trip place paid through the sandbox checkout and confirmed; its refunds path. */
  async function paidTripBooking() {
    const { school: s, staff } = await payingSchool();
    const f = await family(s);
    const eventId = await published(staff, s, trip());
    const { bookingId, session } = await heldAndOpened(f, eventId);
    stripe.control.pay(session);
    await expectEventually(async () => expect(await bookingState(bookingId)).toBe('confirmed'));
    const refunds = `/api/v1/schools/${s.id}/events/${eventId}/bookings/${bookingId}/refunds`;
    return { s, staff, eventId, bookingId, session, refunds };
  }

  /** What the sandbox Stripe refunded of a PaymentIntent, in pence, in order. */
  const refundedAt = (paymentIntent: string) =>
    stripe.control
      .refunds()
      .filter((r) => r.payment_intent === paymentIntent)
      .map((r) => r.amount);

  it('holds a priced place until it is paid in the sandbox checkout, then confirms it exactly once', async () => {
    const { school: s, staff, account } = await payingSchool();
    const child = await stack.make.pupil(s, 'Ada', 'Payer', 5);
    const token = await parent(s, [child]);
    const eventId = await published(staff, s, trip());

    const invitations = await as(token).get('/api/v1/me/invitations');
    const invitation = invitations.body.items[0].invitations[0];
    expect(invitation.price).toMatchObject({
      dueP: 2450,
      dueNowP: 2450,
      lines: [{ entry: 'charge', amountP: 2450 }],
    });

    const booked = await book(token, eventId, child.id);
    expect(booked.body).toMatchObject({ state: 'held', holdExpiresAt: expect.any(String) });
    const opened = await checkout(token, booked.body.id);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ amountP: 2450, url: expect.stringContaining('/checkout/') });
    const again = await checkout(token, booked.body.id);
    expect(again.body.url).toBe(opened.body.url);

    const session = sessionIdOf(opened.body.url);
    const recorded = stripe.control.sessions().find((x) => x.id === session)!;
    expect(recorded).toMatchObject({ amount_total: 2450, currency: 'gbp', account, status: 'open' });

    // The family pays on the hosted page: its Pay button.
    const page = await fetch(`${stripe.url}/checkout/${session}`);
    expect(await page.text()).toContain('£24.50');
    const paid = await fetch(`${stripe.url}/checkout/${session}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`booking=${booked.body.id}&session=${session}`);

    await expectEventually(async () => expect(await bookingState(booked.body.id)).toBe('confirmed'));
    await stripe.control.idle();
    expect(await ledger(booked.body.id)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'payment', amount_p: 2450 },
    ]);
    const money = await as(staff).get(
      `/api/v1/schools/${s.id}/events/${eventId}/bookings/${booked.body.id}/payments`,
    );
    expect(money.body).toMatchObject({ dueP: 2450, paidP: 2450, outstandingP: 0, refundableP: 2450 });
    expect((await as(token).post(`/api/v1/me/bookings/${booked.body.id}/checkout`)).status).toBe(409);
    const audit = await sql(
      "select action from audit_records where target_id = ? and action = 'booking.paid'",
      [booked.body.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('charges a Pupil Premium pupil the subsidised price, and a second child the sibling discount', async () => {
    const { school: s, staff } = await payingSchool();
    const [premium, sibling] = [
      await stack.make.pupil(s, 'Pip', 'Premium', 5),
      await stack.make.pupil(s, 'Sid', 'Premium', 5),
    ];
    await pupilPremium(premium);
    const token = await parent(s, [premium, sibling]);
    const eventId = await published(
      staff,
      s,
      trip({ paymentTerms: { subsidy: 'percent', subsidyPercent: 50, siblingDiscountPercent: 10 } }),
    );
    const before = await as(token).get('/api/v1/me/invitations');
    const priceOf = (
      body: { items: Array<{ child: { id: string }; invitations: Array<{ price: unknown }> }> },
      id: string,
    ) => body.items.find((c) => c.child.id === id)!.invitations[0]!.price;
    expect(priceOf(before.body, premium.id)).toMatchObject({
      dueP: 1225,
      lines: [
        { entry: 'charge', amountP: 2450 },
        { entry: 'subsidy', amountP: 1225 },
      ],
    });
    expect(priceOf(before.body, sibling.id)).toMatchObject({ dueP: 2450 });

    const first = await book(token, eventId, premium.id);
    const opened = await checkout(token, first.body.id);
    expect(opened.body.amountP).toBe(1225);
    expect(stripe.control.sessions().find((x) => x.id === sessionIdOf(opened.body.url))).toMatchObject({
      amount_total: 1225,
    });
    const second = await book(token, eventId, sibling.id);
    const secondCheckout = await checkout(token, second.body.id);
    expect(secondCheckout.body.amountP).toBe(2205);
    expect(await ledger(first.body.id)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'subsidy', amount_p: 1225 },
    ]);
    expect(await ledger(second.body.id)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'discount', amount_p: 245 },
    ]);
  });

  it('confirms a fully subsidised place at once, with nothing to pay', async () => {
    const { school: s, staff } = await payingSchool();
    const child = await stack.make.pupil(s, 'Fay', 'Free', 5);
    await pupilPremium(child);
    const token = await parent(s, [child]);
    const eventId = await published(staff, s, trip({ paymentTerms: { subsidy: 'free' } }));
    const booked = await book(token, eventId, child.id);
    expect(booked.body.state).toBe('confirmed');
    expect((await checkout(token, booked.body.id)).status).toBe(409);
    expect(await ledger(booked.body.id)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'subsidy', amount_p: 2450 },
    ]);
  });

  it('refunds part of a payment through Stripe and the ledger, and refuses more than is left, changing nothing', async () => {
    const { s, staff, eventId, bookingId, session, refunds } = await paidTripBooking();

    const partial = await as(staff).post(refunds, { amountP: 1000, reason: 'Museum gave a group discount' });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ paidP: 2450, refundedP: 1000, refundableP: 1450 });
    const pi = intentOf(session);
    expect(refundedAt(pi)).toEqual([1000]);

    const tooMuch = await as(staff).post(refunds, { amountP: 1451, reason: 'Again' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].field).toBe('amountP');
    const noReason = await as(staff).post(refunds, { amountP: 10, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    expect(refundedAt(pi)).toHaveLength(1);
    await stripe.control.idle();
    expect(await ledger(bookingId)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'payment', amount_p: 2450 },
      { entry: 'refund', amount_p: 1000 },
    ]);

    // An office member may read payments but not refund them.
    const { user: office } = await stack.make.member('office', { school: s });
    const officeToken = await stack.token({ userId: office.identitySubject!, email: office.email });
    expect((await as(officeToken).post(refunds, { amountP: 10, reason: 'No' })).status).toBe(403);
    // Another school's staff cannot see the booking's money at all.
    const other = await payingSchool();
    const foreign = await as(other.staff).get(
      `/api/v1/schools/${s.id}/events/${eventId}/bookings/${bookingId}/payments`,
    );
    expect([403, 404]).toContain(foreign.status);
  });

  /** What a booking's money looks like, without ids or times: to compare two deliveries of the same story. */
  async function story(bookingId: string) {
    return {
      booking: await bookingState(bookingId),
      payments: await sql(
        'select purpose, amount_p, status from booking_payments where booking_id = ? order by purpose',
        [bookingId],
      ),
      ledger: await ledger(bookingId),
      checkouts: await sql(
        'select c.status from payment_checkouts c join booking_payments p on p.id = c.payment_id where p.booking_id = ?',
        [bookingId],
      ),
    };
  }

  it('settles to the same state when every webhook comes three times in shuffled order as when each came once in order', async () => {
    const { school: s, staff } = await payingSchool();
    const [ora, sue] = [await family(s, 'Ora'), await family(s, 'Sue')];
    const eventId = await published(staff, s, trip());

    // One in order: delivered as they happen.
    const inOrder = await heldAndOpened(ora, eventId);
    stripe.control.pay(inOrder.session);
    await expectEventually(async () => expect(await bookingState(inOrder.bookingId)).toBe('confirmed'));
    await stripe.control.idle();
    const expected = await story(inOrder.bookingId);

    // The same story with no webhook sent as it happens, then each sent three times in a shuffled order.
    const url = `${stack.config.PUBLIC_API_URL}/api/v1/webhooks/stripe`;
    stripe.control.setWebhookUrl(null);
    const shuffled = await heldAndOpened(sue, eventId);
    const before = stripe.control.events().length;
    stripe.control.pay(shuffled.session);
    const ids = stripe.control
      .events()
      .slice(before)
      .map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(await bookingState(shuffled.bookingId)).toBe('held');
    stripe.control.setWebhookUrl(url);
    await stripe.control.replay({ ids, times: 3, shuffle: true, seed: 'rowan' });
    await stripe.control.idle();
    await expectEventually(async () => expect(await story(shuffled.bookingId)).toEqual(expected));
    expect(
      await sql("select count(*) as n from audit_records where target_id = ? and action = 'booking.paid'", [
        shuffled.bookingId,
      ]),
    ).toEqual([{ n: 1 }]);

    // And with a refund among them, every event forgotten and replayed: the ledger keys money by Stripe's ids.
    await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/bookings/${inOrder.bookingId}/refunds`, {
      amountP: 450,
      reason: 'Lunch not needed',
    });
    await stripe.control.idle();
    const afterRefund = await story(inOrder.bookingId);
    await sql('delete from payment_webhook_events');
    await stripe.control.replay({ times: 3, shuffle: true, seed: 'again' });
    await stripe.control.idle();
    expect(await story(inOrder.bookingId)).toEqual(afterRefund);
    expect(await story(shuffled.bookingId)).toEqual(expected);
  }, 30_000);

  it('refuses a webhook with a bad signature and changes nothing', async () => {
    const { school: s, staff } = await payingSchool();
    const f = await family(s);
    const eventId = await published(staff, s, trip());
    const { bookingId, session } = await heldAndOpened(f, eventId);
    const payload = JSON.stringify({
      id: `evt_forged_${randomUUID().slice(0, 8)}`,
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: session,
          object: 'checkout.session',
          payment_status: 'paid',
          payment_intent: 'pi_forged',
          amount_total: 2450,
        },
      },
    });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_the_secret' });
    const refused = await stack
      .http()
      .post('/api/v1/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', forged)
      .send(payload);
    expect(refused.status).toBe(400);
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_STRIPE.webhookSecret });
    const tampered = await stack
      .http()
      .post('/api/v1/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', signed)
      .send(payload.replace('2450', '1'));
    expect(tampered.status).toBe(400);
    expect(await bookingState(bookingId)).toBe('held');
    expect(await ledger(bookingId)).toEqual([{ entry: 'charge', amount_p: 2450 }]);
    expect(await sql("select * from payment_webhook_events where event_id like 'evt_forged_%'")).toEqual([]);
  });

  it('lets an unpaid hold go when it expires: the checkout is closed at Stripe and the place is free', async () => {
    const { school: s, staff } = await payingSchool();
    const [f, ned] = [await family(s), await family(s, 'Ned')];
    const eventId = await published(staff, s, trip({ capacity: 1 }));
    const { bookingId, session } = await heldAndOpened(f, eventId);
    const expire = payments!.worker.get(ExpirePaymentHoldUseCase);
    const orm = payments!.worker.get(MikroORM) as unknown as Parameters<typeof inJobContext>[0];
    const run = () => inJobContext(orm, `test-${randomUUID()}`, () => expire.execute({ bookingId }));

    expect(await run()).toEqual({ status: 'not_due' });
    clock.advance(32 * 60_000);
    try {
      expect(await run()).toEqual({ status: 'expired', offeredTo: null });
    } finally {
      clock.set(new Date());
    }
    expect(await bookingState(bookingId)).toBe('cancelled');
    expect(stripe.control.sessions().find((x) => x.id === session)).toMatchObject({ status: 'expired' });
    expect(await sql('select taken from events where id = ?', [eventId])).toEqual([{ taken: 0 }]);
    expect(await sql('select status from booking_payments where booking_id = ?', [bookingId])).toEqual([
      { status: 'lapsed' },
    ]);
    // The place is free for the next family.
    const next = await heldAndOpened(ned, eventId);
    expect(await bookingState(next.bookingId)).toBe('held');
  });

  it('honours a payment that arrives after its hold lapsed when a place is free, and refunds it when none is', async () => {
    const { school: s, staff } = await payingSchool();
    const [hal, lou] = [await family(s, 'Hal'), await family(s, 'Lou')];
    const rival = await stack.make.pupil(s, 'Rio', 'Rival', 5);
    const eventId = await published(staff, s, trip({ capacity: 1 }));
    const lapse = async (bookingId: string) => {
      // As the hold's expiry leaves it when Stripe had not yet taken the money.
      await sql("update event_bookings set state = 'cancelled', active = null where id = ?", [bookingId]);
      await sql('update events set taken = taken - 1, taken_open = taken_open - 1 where id = ?', [eventId]);
      await sql("update booking_payments set status = 'lapsed' where booking_id = ?", [bookingId]);
    };

    stripe.control.pauseDeliveries();
    const honoured = await heldAndOpened(hal, eventId);
    stripe.control.pay(honoured.session);
    await lapse(honoured.bookingId);
    stripe.control.resumeDeliveries();
    await expectEventually(async () => expect(await bookingState(honoured.bookingId)).toBe('confirmed'));
    expect(await sql('select taken from events where id = ?', [eventId])).toEqual([{ taken: 1 }]);

    // On a full event, a late payment for a lapsed hold goes back in full.
    const fullEventId = await published(staff, s, trip({ capacity: 1 }));
    stripe.control.pauseDeliveries();
    const late = await heldAndOpened(lou, fullEventId);
    stripe.control.pay(late.session);
    await sql("update event_bookings set state = 'cancelled', active = null where id = ?", [late.bookingId]);
    await sql('update events set taken = 0, taken_open = 0 where id = ?', [fullEventId]);
    await sql("update booking_payments set status = 'lapsed' where booking_id = ?", [late.bookingId]);
    const staffBooked = await as(staff).post(`/api/v1/schools/${s.id}/events/${fullEventId}/bookings`, {
      pupilId: rival.id,
    });
    expect(staffBooked.body.state).toBe('confirmed');
    stripe.control.resumeDeliveries();
    await expectEventually(async () =>
      expect(await ledger(late.bookingId)).toEqual([
        { entry: 'charge', amount_p: 2450 },
        { entry: 'payment', amount_p: 2450 },
        { entry: 'refund', amount_p: 2450 },
      ]),
    );
    expect(await bookingState(late.bookingId)).toBe('cancelled');
    const pi = intentOf(late.session);
    expect(refundedAt(pi)).toEqual([2450]);
    await expectEventually(async () =>
      expect(await sql('select status from booking_payments where booking_id = ?', [late.bookingId])).toEqual(
        [{ status: 'refunded' }],
      ),
    );
  });

  it('refunds a parent who cancels a paid booking, by the school’s rule', async () => {
    const { school: s, staff } = await payingSchool();
    const f = await family(s);
    const eventId = await published(staff, s, trip());
    const { bookingId, session, token } = await heldAndOpened(f, eventId);
    stripe.control.pay(session);
    await expectEventually(async () => expect(await bookingState(bookingId)).toBe('confirmed'));
    const cancelled = await as(token).post(`/api/v1/me/bookings/${bookingId}/cancel`);
    expect(cancelled.status).toBe(200);
    await stripe.control.idle();
    expect(await ledger(bookingId)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'payment', amount_p: 2450 },
      { entry: 'refund', amount_p: 2450 },
    ]);
  });

  it('takes a deposit, reminds the family of the balance through the hub, then takes the balance', async () => {
    const { school: s, staff } = await payingSchool();
    const f = await family(s, 'Dee');
    const dueBy = new Date(startsAt - 7 * 86_400_000).toISOString();
    const eventId = await published(
      staff,
      s,
      trip({ paymentTerms: { subsidy: 'none', depositP: 500, balanceDueAt: dueBy } }),
    );
    const reminders = `/api/v1/schools/${s.id}/events/${eventId}/payment-reminders`;
    expect((await as(staff).post(reminders)).status).toBe(409);

    const { bookingId, session, opened } = await heldAndOpened(f, eventId);
    expect(opened.body.amountP).toBe(500);
    stripe.control.pay(session);
    await expectEventually(async () => expect(await bookingState(bookingId)).toBe('confirmed'));
    const invitations = await as(f.token).get('/api/v1/me/invitations');
    expect(invitations.body.items[0].invitations[0].money).toMatchObject({
      dueP: 2450,
      paidP: 500,
      outstandingP: 1950,
      next: { amountP: 1950, purpose: 'balance', dueAt: dueBy },
    });

    const reminded = await as(staff).post(reminders);
    expect(reminded.status).toBe(201);
    expect(reminded.body).toMatchObject({ pupils: 1, outstandingP: 1950 });
    expect((await as(staff).post(reminders)).body.messageId).toBe(reminded.body.messageId);
    const message = await as(staff).get(`/api/v1/schools/${s.id}/messages/${reminded.body.messageId}`);
    expect(message.status).toBe(200);
    expect(JSON.stringify(message.body)).toContain('still money to pay');

    const balance = await checkout(f.token, bookingId);
    expect(balance.body.amountP).toBe(1950);
    stripe.control.pay(sessionIdOf(balance.body.url));
    await expectEventually(async () =>
      expect(await ledger(bookingId)).toEqual([
        { entry: 'charge', amount_p: 2450 },
        { entry: 'payment', amount_p: 500 },
        { entry: 'payment', amount_p: 1950 },
      ]),
    );
    expect((await as(staff).post(reminders)).status).toBe(409);
  });

  it('refunds every family in full when the school calls a paid trip off', async () => {
    const { school: s, staff } = await payingSchool();
    const [amy, ben] = [await family(s, 'Amy'), await family(s, 'Ben')];
    const eventId = await published(staff, s, trip());
    const a = await heldAndOpened(amy, eventId);
    const b = await heldAndOpened(ben, eventId);
    stripe.control.pay(a.session);
    await expectEventually(async () => expect(await bookingState(a.bookingId)).toBe('confirmed'));
    const called = await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/cancel`);
    expect(called.status).toBe(200);
    expect(await ledger(a.bookingId)).toEqual([
      { entry: 'charge', amount_p: 2450 },
      { entry: 'payment', amount_p: 2450 },
      { entry: 'refund', amount_p: 2450 },
    ]);
    expect(await sql('select status from booking_payments where booking_id = ?', [b.bookingId])).toEqual([
      { status: 'withdrawn' },
    ]);
    expect(stripe.control.refunds().filter((r) => r.payment_intent === intentOf(a.session))).toHaveLength(1);
  });

  it('refunds once for a retried request with the same Idempotency-Key, and refuses the key for another refund', async () => {
    const { staff, bookingId, session, refunds } = await paidTripBooking();
    const key = { 'Idempotency-Key': `refund-${randomUUID()}` };
    const body = { amountP: 500, reason: 'Lunch not needed' };

    const [first, second] = await Promise.all([
      as(staff).post(refunds, body, key),
      as(staff).post(refunds, body, key),
    ]);
    // Two at once: one refunds, the other is told it is still being made (or, if it came second, gets the result).
    expect([first.status, second.status].sort()).toEqual(expect.arrayContaining([200]));
    for (const r of [first, second]) {
      expect([200, 409]).toContain(r.status);
    }
    const again = await as(staff).post(refunds, body, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ paidP: 2450, refundedP: 500, refundableP: 1950 });
    const pi = intentOf(session);
    expect(refundedAt(pi)).toEqual([500]);
    await stripe.control.idle();
    expect((await ledger(bookingId)).filter((l) => l.entry === 'refund')).toEqual([
      { entry: 'refund', amount_p: 500 },
    ]);

    const reused = await as(staff).post(refunds, { amountP: 700, reason: 'Lunch not needed' }, key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('EVENTS.IDEMPOTENCY_KEY_REUSED');
    // A refund refused for its amount leaves the key free to be used again for a good one.
    const tooMuch = await as(staff).post(
      refunds,
      { amountP: 99_999, reason: 'Too much' },
      { 'Idempotency-Key': 'k-2' },
    );
    expect(tooMuch.status).toBe(400);
    const fixed = await as(staff).post(
      refunds,
      { amountP: 99_999, reason: 'Too much' },
      { 'Idempotency-Key': 'k-2' },
    );
    expect(fixed.status).toBe(400);
    expect(refundedAt(pi)).toHaveLength(1);
  });

  it('reconciles clean against Stripe after these flows, and flags a mismatch planted in the sandbox', async () => {
    const { school: s, staff, account } = await payingSchool();
    const [amy, ben] = [await family(s, 'Amy'), await family(s, 'Ben')];
    const eventId = await published(staff, s, trip());
    const a = await heldAndOpened(amy, eventId);
    const b = await heldAndOpened(ben, eventId);
    stripe.control.pay(a.session);
    stripe.control.pay(b.session);
    await expectEventually(async () => expect(await bookingState(b.bookingId)).toBe('confirmed'));
    await expectEventually(async () => expect(await bookingState(a.bookingId)).toBe('confirmed'));
    await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/bookings/${a.bookingId}/refunds`, {
      amountP: 700,
      reason: 'Part refund',
    });
    await stripe.control.idle();
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const path = `/api/v1/schools/${s.id}/payments/reconciliation?from=${from}&to=${to}`;
    const clean = await as(staff).get(path);
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({
      clean: true,
      matched: 3,
      mismatches: [],
      stripe: { charges: 2, refunds: 1, grossP: 2450 * 2 - 700 },
      rowan: { payments: 2, refunds: 1, paidP: 4900, refundedP: 700 },
    });

    const charge = stripe.control.balanceTransactions(account).find((t) => t.type === 'charge')!;
    stripe.control.plantMismatch({ kind: 'amount', balanceTransactionId: charge.id as string, amount: 2400 });
    stripe.control.plantMismatch({ kind: 'extra', account, amount: 999 });
    const flagged = await as(staff).get(path);
    expect(flagged.body.clean).toBe(false);
    expect(flagged.body.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'amount_differs', stripeAmountP: 2400, rowanAmountP: 2450 }),
        expect.objectContaining({ kind: 'missing_in_rowan', stripeAmountP: 999 }),
      ]),
    );
    expect(flagged.body.mismatches).toHaveLength(2);
    expect(
      (await as(staff).get(`/api/v1/schools/${s.id}/payments/reconciliation?from=${to}&to=${from}`)).status,
    ).toBe(400);
  });

  it('reports an event’s payments booking by booking, and exports them as CSV and Excel with amounts as numbers', async () => {
    const { school: s, staff } = await payingSchool();
    const [amy, ben] = [await family(s, 'Amy'), await family(s, '=Ben')];
    await pupilPremium(amy.child);
    const eventId = await published(staff, s, trip({ paymentTerms: { subsidy: 'cap', subsidyMaxP: 500 } }));
    const a = await heldAndOpened(amy, eventId);
    const b = await heldAndOpened(ben, eventId);
    stripe.control.pay(a.session);
    await expectEventually(async () => expect(await bookingState(a.bookingId)).toBe('confirmed'));
    await as(staff).post(`/api/v1/schools/${s.id}/events/${eventId}/bookings/${a.bookingId}/refunds`, {
      amountP: 200,
      reason: 'Lunch',
    });
    const reports = `/api/v1/schools/${s.id}/events/${eventId}/reports/payments`;
    const report = await as(staff).get(reports);
    expect(report.status).toBe(200);
    expect(report.body.totals).toEqual({
      bookings: 2,
      subsidised: 1,
      chargeP: 4900,
      subsidyP: 1950,
      discountP: 0,
      dueP: 2950,
      paidP: 500,
      refundedP: 200,
      outstandingP: 2450,
      refundableP: 300,
    });
    expect(report.body.items.find((l: { bookingId: string }) => l.bookingId === b.bookingId)).toMatchObject({
      state: 'held',
      paidP: 0,
      outstandingP: 2450,
    });

    const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    const file = await as(staff).get(`${reports}/export?format=csv`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const rows = parse((file.body as Buffer).toString('utf8').slice(1), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.Forename === 'Amy')).toMatchObject({
      Subsidy: '19.50',
      Paid: '5.00',
      Refunded: '2.00',
    });
    expect(rows.find((r) => r.Forename?.includes('Ben'))?.Forename).toBe("'=Ben");
    const xlsx = await as(staff).get(`${reports}/export?format=xlsx`).buffer(true).parse(binary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const paidColumn = header.indexOf('Paid');
    const amyRow = [2, 3]
      .map((n) => sheet.getRow(n))
      .find((r) => r.getCell(header.indexOf('Forename')).value === 'Amy')!;
    expect(amyRow.getCell(paidColumn).value).toBe(5);

    const { user: teacher } = await stack.make.member('teacher', { school: s });
    const teacherToken = await stack.token({ userId: teacher.identitySubject!, email: teacher.email });
    expect((await as(teacherToken).get(reports)).status).toBe(403);
  });

  it('refuses payment terms that do not add up, naming the field, and stores nothing', async () => {
    const { school: s, staff } = await payingSchool();
    const bad = await as(staff).post(
      `/api/v1/schools/${s.id}/events`,
      trip({ paymentTerms: { subsidy: 'percent', subsidyPercent: 50, depositP: 500 } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'paymentTerms.balanceDueAt', message: 'is needed with a deposit' },
    ]);
    expect(await sql('select count(*) as n from events where school_id = ?', [s.id])).toEqual([{ n: 0 }]);
  });
});
