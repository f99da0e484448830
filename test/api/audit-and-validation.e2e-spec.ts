import { Membership, User } from '@rowan/access';
import { Contact } from '@rowan/directory';
import { startStripeStandIn, type StripeStandIn } from '@rowan/sandbox';
import Stripe from 'stripe';
import { v7 } from 'uuid';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { operations } from '../support/openapi-walk';
import { TEST_STRIPE } from '../support/test-env';

describe('mutations: exactly one audit record each; bad input changes nothing', () => {
  let stack: ApiStack;
  let stripe: StripeStandIn;
  let ids: {
    pricedEventId: string;
    paidBookingId: string;
    heldBookingId: string;
    owingChildId: string;
    trustId: string;
    schoolId: string;
    membershipId: string;
    contactId: string;
    uploadingSchoolId: string;
    importId: string;
    draftId: string;
    pendingId: string;
    scheduledId: string;
    draftEventId: string;
    toPublishId: string;
    toCancelId: string;
    bookableId: string;
    bookChildId: string;
    staffBookChildId: string;
    myBookingId: string;
    staffCancelBookingId: string;
    offeredBookingId: string;
    staffId: string;
    registerEventId: string;
    registerBookingId: string;
    consentBookingId: string;
    consentQuestionId: string;
    holdingEveningId: string;
    bookForMeEveningId: string;
    holdSlotId: string;
    holdChildId: string;
    cancelEveningId: string;
    myAppointmentId: string;
    staffCancelAppointmentId: string;
    day: string;
  };
  let parentToken: string;
  let payerToken = '';
  let tokens: {
    operator: string;
    trustAdmin: string;
    schoolAdmin: string;
    teacher: string;
    uploadingAdmin: string;
  };
  const MESSAGE = {
    audience: { kind: 'contacts', ncYears: [5] },
    content: { email: { subject: 'Hello {{forename}}', html: '<p>Hi</p>', text: 'Hi' } },
    policy: 'email',
  };
  const STAFF_CSV = 'staff_id,forename,surname,job_title\nS1,Ann,Upload,Bursar';

  beforeAll(async () => {
    stripe = await startStripeStandIn({
      secretKey: TEST_STRIPE.secretKey,
      webhookSecret: TEST_STRIPE.webhookSecret,
    });
    stack = await startApiStack({ STRIPE_API_URL: stripe.url });
    const trust = await stack.make.trust();
    const school = await stack.make.school(trust);
    const target = await stack.make.member('teacher', { school });
    const contact = await stack.make.contact(school, 'Pat', 'Parent');
    // A school without a Wonde connection, whose directory comes from uploads.
    const uploading = await stack.make.school(trust);
    const mint = async (user: User, roles: string[] = []) =>
      stack.token({ userId: user.identitySubject!, email: user.email, roles });
    tokens = {
      operator: await mint(await stack.make.user('Olu', 'Operator'), ['operator']),
      trustAdmin: await mint((await stack.make.member('trust_admin', { trust })).user),
      schoolAdmin: await mint((await stack.make.member('school_admin', { school })).user),
      teacher: await mint((await stack.make.member('teacher', { school })).user),
      uploadingAdmin: await mint((await stack.make.member('school_admin', { school: uploading })).user),
    };
    const upload = await stack
      .http()
      .post(`/api/v1/schools/${uploading.id}/directory-imports`)
      .set('authorization', `Bearer ${tokens.uploadingAdmin}`)
      .send({ staff: STAFF_CSV });
    expect(upload.status).toBe(201);
    ids = {
      trustId: trust.id,
      schoolId: school.id,
      membershipId: target.membership.id,
      contactId: contact.id,
      uploadingSchoolId: uploading.id,
      importId: upload.body.id,
      draftId: (await stack.make.message(school, target.user.id)).id,
      pendingId: (await stack.make.message(school, target.user.id, 'pending_approval')).id,
      scheduledId: (await stack.make.message(school, target.user.id, 'scheduled')).id,
      ...(await eventFixtures(school, target.user)),
      ...(await paymentFixtures(school)),
    };
  });

  /**
   * A priced trip with one of the parent's children paid for (the Stripe stand-in's webhook signed and posted
   * here, as Stripe would), one held and not yet paid, and one booked by staff with the money still owed.
   */
  async function paymentFixtures(school: Awaited<ReturnType<typeof stack.make.school>>) {
    const kids = [];
    for (let i = 0; i < 3; i++) {
      kids.push(await stack.make.pupil(school, `Pay${i}`, 'Audited', 5));
    }
    const contact = await stack.make.contact(school, 'Pip', 'Payer');
    for (const kid of kids) {
      await stack.make.link(kid, contact);
    }
    const user = await stack.make.user('Pip', 'Payer');
    const em = stack.orm.em.fork();
    await em.nativeUpdate(Contact, { id: contact.id }, { userId: user.id }, { filters: false });
    em.persist(
      new Membership(v7(), user.id, school.trustId, school.id, 'parent', 'active', new Date(), new Date()),
    );
    await em.flush();
    const payer = await stack.token({ userId: user.identitySubject!, email: user.email, mfa: false });
    payerToken = payer;
    const admin = authed(tokens.schoolAdmin);
    const starts = Date.now() + 14 * 86_400_000;
    const created = await admin.post(`/api/v1/schools/${school.id}/events`, {
      kind: 'trip',
      title: 'Priced trip',
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(starts + 3_600_000).toISOString(),
      capacity: 10,
      priceP: 1200,
      eligibility: { ncYears: [5] },
    });
    const pricedEventId = created.body.id as string;
    expect(
      (await admin.post(`/api/v1/schools/${school.id}/events/${pricedEventId}/publish`, {})).status,
    ).toBe(200);
    const book = async (pupilId: string) =>
      (await authed(payer).post('/api/v1/me/bookings', { eventId: pricedEventId, pupilId })).body
        .id as string;
    const paidBookingId = await book(kids[0]!.id);
    const opened = await authed(payer).post(`/api/v1/me/bookings/${paidBookingId}/checkout`, {});
    expect(opened.status).toBe(201);
    stripe.control.pay(decodeURIComponent(new URL(opened.body.url).pathname.split('/').pop()!));
    const completed = stripe.control.events().find((e) => e.type === 'checkout.session.completed')!;
    const payload = JSON.stringify(completed.event);
    const delivered = await stack
      .http()
      .post('/api/v1/webhooks/stripe')
      .set('content-type', 'application/json')
      .set(
        'stripe-signature',
        Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_STRIPE.webhookSecret }),
      )
      .send(payload);
    expect(delivered.status).toBe(200);
    const staffBooked = await admin.post(`/api/v1/schools/${school.id}/events/${pricedEventId}/bookings`, {
      pupilId: kids[2]!.id,
    });
    expect(staffBooked.body.state).toBe('confirmed');
    return {
      pricedEventId,
      paidBookingId,
      heldBookingId: await book(kids[1]!.id),
      owingChildId: kids[2]!.id,
    };
  }

  /** Events to edit, publish and cancel, and one parent's children with bookings to make, cancel and accept. */
  async function eventFixtures(school: Awaited<ReturnType<typeof stack.make.school>>, staff: User) {
    const kids = [];
    for (let i = 0; i < 6; i++) {
      kids.push(await stack.make.pupil(school, `Ev${i}`, 'Audited', 5));
    }
    const contact = await stack.make.contact(school, 'Pam', 'Parent');
    for (const kid of kids) {
      await stack.make.link(kid, contact);
    }
    const user = await stack.make.user('Pam', 'Parent');
    const em = stack.orm.em.fork();
    await em.nativeUpdate(Contact, { id: contact.id }, { userId: user.id }, { filters: false });
    em.persist(
      new Membership(v7(), user.id, school.trustId, school.id, 'parent', 'active', new Date(), new Date()),
    );
    await em.flush();
    parentToken = await stack.token({ userId: user.identitySubject!, email: user.email, mfa: false });
    const admin = authed(tokens.schoolAdmin);
    const events = `/api/v1/schools/${school.id}/events`;
    const publish = async (capacity: number) => {
      const { id } = (await stack.make.event(school, staff.id, 'draft', capacity)) as { id: string };
      expect((await admin.post(`${events}/${id}/publish`, {})).status).toBe(200);
      return id;
    };
    const bookableId = await publish(10);
    const oneplace = await publish(1);
    const book = async (eventId: string, pupilId: string) =>
      (await authed(parentToken).post('/api/v1/me/bookings', { eventId, pupilId })).body.id as string;
    const [myBookingId, staffCancelBookingId, first, offeredBookingId] = [
      await book(bookableId, kids[1]!.id),
      await book(bookableId, kids[2]!.id),
      await book(oneplace, kids[3]!.id),
      await book(oneplace, kids[4]!.id),
    ];
    expect((await admin.post(`${events}/${oneplace}/bookings/${first}/cancel`, {})).status).toBe(200);
    const withConsent = await publish(10);
    const consentQuestionId = v7();
    const form = {
      questions: [{ id: consentQuestionId, kind: 'yes_no', label: 'May they swim?', required: true }],
    };
    expect(
      (
        await stack
          .http()
          .put(`${events}/${withConsent}/consent-form`)
          .set('authorization', `Bearer ${tokens.schoolAdmin}`)
          .send(form)
      ).status,
    ).toBe(200);
    return {
      ...(await registerFixture(school, staff)),
      consentBookingId: await book(withConsent, kids[0]!.id),
      consentQuestionId,
      ...(await eveningFixtures(
        school,
        kids.map((k) => k.id),
      )),
      draftEventId: (await stack.make.event(school, staff.id)).id,
      toPublishId: (await stack.make.event(school, staff.id)).id,
      toCancelId: (await stack.make.event(school, staff.id)).id,
      bookableId,
      bookChildId: kids[0]!.id,
      staffBookChildId: kids[5]!.id,
      myBookingId,
      staffCancelBookingId,
      offeredBookingId,
    };
  }
  /**
   * A member of staff, and three published parents' evenings: one with a hold to confirm, one to book for me, and
   * one with two held slots to cancel (the parent one, staff the other).
   */
  async function eveningFixtures(school: Awaited<ReturnType<typeof stack.make.school>>, kids: string[]) {
    const staffId = v7();
    await stack.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into staff_members (id, school_id, mis_id, title, forename, surname, job_title, email, active,
           fingerprint, created_at, updated_at) values (?, ?, ?, null, 'Ann', 'Audited', null, null, 1, 'fp', now(3), now(3))`,
        [staffId, school.id, `mis-${staffId}`],
      );
    const admin = authed(tokens.schoolAdmin);
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const evening = async () => {
      const created = await admin.post(`/api/v1/schools/${school.id}/parents-evenings`, {
        title: 'Audited evening',
        slotMinutes: 10,
        mode: 'in_person',
        eligibility: { ncYears: [5] },
        teachers: [{ staffId, windows: [{ from: `${day}T16:00:00.000Z`, to: `${day}T18:00:00.000Z` }] }],
      });
      const id = created.body.id as string;
      expect((await admin.post(`/api/v1/schools/${school.id}/events/${id}/publish`, {})).status).toBe(200);
      return id;
    };
    const holdingEveningId = await evening();
    const bookForMeEveningId = await evening();
    const grid = await stack
      .http()
      .get(`/api/v1/schools/${school.id}/parents-evenings/${holdingEveningId}`)
      .set('authorization', `Bearer ${tokens.schoolAdmin}`);
    const [first, , third] = grid.body.slots as Array<{ id: string }>;
    const held = await authed(parentToken).post(`/api/v1/me/parents-evenings/${holdingEveningId}/holds`, {
      pupilId: kids[0],
      slotId: first!.id,
    });
    expect(held.status).toBe(201);
    const cancelEveningId = await evening();
    const cancelSlots = (
      await stack
        .http()
        .get(`/api/v1/schools/${school.id}/parents-evenings/${cancelEveningId}`)
        .set('authorization', `Bearer ${tokens.schoolAdmin}`)
    ).body.slots as Array<{ id: string }>;
    const toCancel = async (pupilId: string, slotId: string) => {
      const response = await authed(parentToken).post(
        `/api/v1/me/parents-evenings/${cancelEveningId}/holds`,
        {
          pupilId,
          slotId,
        },
      );
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    return {
      staffId,
      holdingEveningId,
      bookForMeEveningId,
      cancelEveningId,
      myAppointmentId: await toCancel(kids[2]!, cancelSlots[0]!.id),
      staffCancelAppointmentId: await toCancel(kids[3]!, cancelSlots[2]!.id),
      holdSlotId: third!.id,
      holdChildId: kids[1]!,
      day,
    };
  }
  /** A published trip with one confirmed booking to mark on its register. */
  async function registerFixture(school: Awaited<ReturnType<typeof stack.make.school>>, staff: User) {
    const trip = await stack.make.event(school, staff.id, 'published');
    const pupil = await stack.make.pupil(school, 'Reg', 'Audited', 5);
    return { registerEventId: trip.id, registerBookingId: await stack.make.booking(trip, pupil, staff.id) };
  }
  afterAll(async () => {
    await stack.close();
    await stripe.close();
  });

  const authed = (token: string) => ({
    post: (url: string, body: object) =>
      stack.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      stack.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) =>
      stack.http().put(url).set('authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => stack.http().delete(url).set('authorization', `Bearer ${token}`),
  });

  /** How to make each mutating operation succeed; the test fails for a new mutation until it is listed here. */
  const SUCCESSFUL: Record<string, () => Promise<{ status: number }>> = {
    createTrust: () => authed(tokens.operator).post('/api/v1/trusts', { name: 'Audited Trust' }),
    inviteTrustAdmin: () =>
      authed(tokens.operator).post(`/api/v1/trusts/${ids.trustId}/admins`, {
        email: `ta-${Date.now()}@example.test`,
        givenName: 'Tia',
        familyName: 'Admin',
      }),
    createSchool: () =>
      authed(tokens.trustAdmin).post(`/api/v1/trusts/${ids.trustId}/schools`, {
        name: 'Audited Primary',
        urn: String(100000 + Math.floor(Math.random() * 899999)),
      }),
    inviteStaff: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/memberships`, {
        email: `t-${Date.now()}@example.test`,
        givenName: 'Tom',
        familyName: 'Teacher',
        role: 'teacher',
      }),
    changeMembershipRole: () =>
      authed(tokens.schoolAdmin).patch(`/api/v1/schools/${ids.schoolId}/memberships/${ids.membershipId}`, {
        role: 'office',
      }),
    revokeMembership: () =>
      authed(tokens.schoolAdmin).delete(`/api/v1/schools/${ids.schoolId}/memberships/${ids.membershipId}`),
    connectMis: () =>
      stack
        .http()
        .put(`/api/v1/schools/${ids.schoolId}/mis-connection`)
        .set('authorization', `Bearer ${tokens.schoolAdmin}`)
        .send({
          wondeSchoolId: 'A1234567890',
          token: 'a-wonde-token-123',
          baseUrl: 'http://127.0.0.1:1/v1.0/',
        }),
    requestSync: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/sync-runs`, { mode: 'full' }),
    inviteParent: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/contacts/${ids.contactId}/invitation`,
        {},
      ),
    uploadDirectoryFiles: () =>
      authed(tokens.uploadingAdmin).post(`/api/v1/schools/${ids.uploadingSchoolId}/directory-imports`, {
        staff: STAFF_CSV,
      }),
    sendMessage: () => authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/messages`, MESSAGE),
    updateCommunicationSettings: () =>
      stack
        .http()
        .put(`/api/v1/schools/${ids.schoolId}/communication-settings`)
        .set('authorization', `Bearer ${tokens.schoolAdmin}`)
        .send({
          fallbackAfterMinutes: 120,
          quietHours: { start: 20, end: 8 },
          smsBudgetPence: 5000,
          approvalThreshold: 500,
          smsSegmentPence: 4,
        }),
    updateTrustCommunicationSettings: () =>
      stack
        .http()
        .put(`/api/v1/trusts/${ids.trustId}/communication-settings`)
        .set('authorization', `Bearer ${tokens.trustAdmin}`)
        .send({ smsBudgetPence: 25_000 }),
    approveMessage: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/messages/${ids.pendingId}/approve`,
        {},
      ),
    updateMessage: () =>
      authed(tokens.schoolAdmin).patch(`/api/v1/schools/${ids.schoolId}/messages/${ids.scheduledId}`, {
        ...MESSAGE,
        scheduledFor: new Date(Date.now() + 3600_000).toISOString(),
      }),
    cancelMessage: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/messages/${ids.draftId}/cancel`, {}),
    applyDirectoryImport: () =>
      authed(tokens.uploadingAdmin).post(
        `/api/v1/schools/${ids.uploadingSchoolId}/directory-imports/${ids.importId}/apply`,
        {},
      ),
  };

  const TRIP = {
    kind: 'trip',
    title: 'Audited trip',
    startsAt: '2030-06-01T09:00:00.000Z',
    endsAt: '2030-06-01T15:00:00.000Z',
    capacity: 20,
    eligibility: { ncYears: [5] },
  };
  Object.assign(SUCCESSFUL, {
    createEvent: () => authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/events`, TRIP),
    updateEvent: () =>
      authed(tokens.schoolAdmin).patch(`/api/v1/schools/${ids.schoolId}/events/${ids.draftEventId}`, {
        ...TRIP,
        capacity: 25,
      }),
    publishEvent: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/events/${ids.toPublishId}/publish`,
        {},
      ),
    cancelEvent: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/events/${ids.toCancelId}/cancel`, {}),
    cancelEventBooking: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/events/${ids.bookableId}/bookings/${ids.staffCancelBookingId}/cancel`,
        {},
      ),
    bookEventPlace: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/events/${ids.bookableId}/bookings`, {
        pupilId: ids.staffBookChildId,
      }),
    bookPlace: () =>
      authed(parentToken).post('/api/v1/me/bookings', { eventId: ids.bookableId, pupilId: ids.bookChildId }),
    cancelMyBooking: () => authed(parentToken).post(`/api/v1/me/bookings/${ids.myBookingId}/cancel`, {}),
    acceptOffer: () => authed(parentToken).post(`/api/v1/me/bookings/${ids.offeredBookingId}/accept`, {}),
    assignEventStaff: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/events/${ids.bookableId}/staff`, {
        staffId: ids.staffId,
        role: 'lead',
      }),
    takeEventRegister: () =>
      authed(tokens.schoolAdmin).put(
        `/api/v1/schools/${ids.schoolId}/events/${ids.registerEventId}/register`,
        {
          marks: [{ bookingId: ids.registerBookingId, present: true }],
        },
      ),
    saveConsentForm: () =>
      authed(tokens.schoolAdmin).put(
        `/api/v1/schools/${ids.schoolId}/events/${ids.draftEventId}/consent-form`,
        {
          questions: [{ id: v7(), kind: 'text', label: 'Anything we should know?', required: false }],
        },
      ),
    giveConsent: () =>
      authed(parentToken).put(`/api/v1/me/bookings/${ids.consentBookingId}/consent`, {
        answers: [{ questionId: ids.consentQuestionId, value: true }],
      }),
    createParentsEvening: () =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/parents-evenings`, {
        title: 'Evening',
        slotMinutes: 10,
        mode: 'video',
        videoLink: 'https://meet.example.test/evening',
        teachers: [
          {
            staffId: ids.staffId,
            windows: [{ from: `${ids.day}T16:00:00.000Z`, to: `${ids.day}T17:00:00.000Z` }],
          },
        ],
      }),
    holdEveningSlot: () =>
      authed(parentToken).post(`/api/v1/me/parents-evenings/${ids.holdingEveningId}/holds`, {
        pupilId: ids.holdChildId,
        slotId: ids.holdSlotId,
      }),
    confirmEveningSlots: () =>
      authed(parentToken).post(`/api/v1/me/parents-evenings/${ids.holdingEveningId}/confirm`, {}),
    bookParentsEveningForMe: () =>
      authed(parentToken).post(`/api/v1/me/parents-evenings/${ids.bookForMeEveningId}/book-for-me`, {
        from: `${ids.day}T16:00:00.000Z`,
        to: `${ids.day}T18:00:00.000Z`,
        gapMinutes: 0,
      }),
    cancelMyEveningAppointment: () =>
      authed(parentToken).post(
        `/api/v1/me/parents-evenings/${ids.cancelEveningId}/appointments/${ids.myAppointmentId}/cancel`,
        {},
      ),
    cancelEveningAppointment: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/parents-evenings/${ids.cancelEveningId}/appointments/${ids.staffCancelAppointmentId}/cancel`,
        {},
      ),
    savePaymentSettings: () =>
      authed(tokens.schoolAdmin).put(`/api/v1/schools/${ids.schoolId}/payment-settings`, {
        stripeAccountId: null,
        cancellationRefund: 'keep_deposit',
      }),
    refundBooking: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/events/${ids.pricedEventId}/bookings/${ids.paidBookingId}/refunds`,
        { amountP: 200, reason: 'Audited refund' },
      ),
    remindUnpaid: () =>
      authed(tokens.schoolAdmin).post(
        `/api/v1/schools/${ids.schoolId}/events/${ids.pricedEventId}/payment-reminders`,
        {},
      ),
    endSchoolContract: () =>
      authed(tokens.trustAdmin).put(`/api/v1/schools/${ids.schoolId}/contract/end`, { endsOn: '2031-08-31' }),
    withdrawSchoolContractEnd: () =>
      authed(tokens.trustAdmin).delete(`/api/v1/schools/${ids.schoolId}/contract/end`),
  } satisfies Record<string, () => Promise<{ status: number }>>);

  /** POST routes that change nobody's data, so leave no audit record, and why. */
  const NOT_AUDITED: Record<string, string> = {
    estimateMessage: 'counts and costs a message; stores nothing',
    readMyMessage: 'a parent opening their own message marks the delivery read; no user data changes',
    previewEligible: 'counts who eligibility rules pick; stores nothing',
    startCheckout: 'opens a Stripe payment page; the payment is audited when Stripe says it arrived',
  };

  it('covers every mutating route in the OpenAPI document', async () => {
    const doc = await stack.http().get('/api/openapi.json');
    const mutations = operations(doc.body)
      .filter((op) => op.method !== 'get')
      .map((op) => op.operationId);
    expect(mutations.sort()).toEqual([...Object.keys(SUCCESSFUL), ...Object.keys(NOT_AUDITED)].sort());
  });

  it.each([
    'createTrust',
    'inviteTrustAdmin',
    'createSchool',
    'inviteStaff',
    'changeMembershipRole',
    'revokeMembership',
    'connectMis',
    'requestSync',
    'inviteParent',
    'uploadDirectoryFiles',
    'applyDirectoryImport',
    'sendMessage',
    'updateMessage',
    'cancelMessage',
    'approveMessage',
    'updateCommunicationSettings',
    'updateTrustCommunicationSettings',
    'createEvent',
    'updateEvent',
    'cancelEvent',
    'cancelEventBooking',
    'bookEventPlace',
    'bookPlace',
    'cancelMyBooking',
    'acceptOffer',
    'assignEventStaff',
    'takeEventRegister',
    'saveConsentForm',
    'giveConsent',
    'createParentsEvening',
    'holdEveningSlot',
    'confirmEveningSlots',
    'bookParentsEveningForMe',
    'cancelMyEveningAppointment',
    'cancelEveningAppointment',
    'savePaymentSettings',
    'refundBooking',
    'endSchoolContract',
    'withdrawSchoolContractEnd',
  ])('%s leaves exactly one audit record', async (operationId) => {
    const before = await stack.make.auditCount();
    const response = await SUCCESSFUL[operationId]!();
    expect(response.status).toBeLessThan(300);
    expect(await stack.make.auditCount()).toBe(before + 1);
  });

  it('remindUnpaid records the reminder, and the reminder is audited as the message it is', async () => {
    const before = await stack.make.auditCount();
    const response = await SUCCESSFUL.remindUnpaid!();
    expect(response.status).toBe(201);
    expect(await stack.make.auditCount()).toBe(before + 2);
    expect(
      await stack.make.auditCount({ action: 'payments.reminded', schoolId: ids.schoolId as never }),
    ).toBe(1);
  });

  it('startCheckout changes no one’s data: it answers the payment page', async () => {
    const before = await stack.make.auditCount();
    expect(
      (await authed(payerToken).post(`/api/v1/me/bookings/${ids.heldBookingId}/checkout`, {})).status,
    ).toBe(201);
    expect(await stack.make.auditCount()).toBe(before);
  });

  it('publishEvent records the publication, and the invitation is audited as the message it is', async () => {
    const before = await stack.make.auditCount();
    const response = await SUCCESSFUL.publishEvent!();
    expect(response.status).toBe(200);
    expect(await stack.make.auditCount()).toBe(before + 2);
    expect(await stack.make.auditCount({ action: 'event.published' })).toBeGreaterThan(0);
  });

  it('records who, what, where and the request id', async () => {
    const email = `audit-${Date.now()}@example.test`;
    const response = await authed(tokens.schoolAdmin)
      .post(`/api/v1/schools/${ids.schoolId}/memberships`, {
        email,
        givenName: 'Ada',
        familyName: 'Audit',
        role: 'office',
      })
      .set('x-request-id', 'req-audit-check-1');
    expect(response.status).toBe(201);
    const log = await stack
      .http()
      .get(`/api/v1/schools/${ids.schoolId}/audit-records?action=membership.invited`)
      .set('authorization', `Bearer ${tokens.schoolAdmin}`);
    const record = log.body.items.find((r: { targetId: string }) => r.targetId === response.body.id);
    expect(record).toMatchObject({
      action: 'membership.invited',
      targetType: 'membership',
      requestId: 'req-audit-check-1',
      after: { email, role: 'office' },
    });
    expect(record.actor.email).toMatch(/@example\.test$/);
    const byTarget = await stack
      .http()
      .get(`/api/v1/schools/${ids.schoolId}/audit-records?targetType=membership&targetId=${response.body.id}`)
      .set('authorization', `Bearer ${tokens.schoolAdmin}`);
    expect(byTarget.body.items.map((r: { targetId: string }) => r.targetId)).toEqual([response.body.id]);
    const badTarget = await stack
      .http()
      .get(`/api/v1/schools/${ids.schoolId}/audit-records?targetType=Not%20a%20type`)
      .set('authorization', `Bearer ${tokens.schoolAdmin}`);
    expect(badTarget.status).toBe(400);
    expect(badTarget.body.errors[0].field).toBe('targetType');
  });

  it('a teacher cannot invite staff (403) and nothing is written', async () => {
    const before = await stack.make.auditCount();
    const response = await authed(tokens.teacher).post(`/api/v1/schools/${ids.schoolId}/memberships`, {
      email: 'nope@example.test',
      givenName: 'No',
      familyName: 'Pe',
      role: 'teacher',
    });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await stack.make.auditCount()).toBe(before);
  });

  describe('validation', () => {
    const invite = (body: object) =>
      authed(tokens.schoolAdmin).post(`/api/v1/schools/${ids.schoolId}/memberships`, body);
    const valid = () => ({
      email: `v-${Date.now()}@example.test`,
      givenName: 'Val',
      familyName: 'Idation',
      role: 'teacher',
    });

    async function expectNothingWritten(
      email: string,
      run: () => Promise<{ status: number; body: { errors?: Array<{ field: string }> } }>,
    ) {
      const auditBefore = await stack.make.auditCount();
      const response = await run();
      const em = stack.orm.em.fork();
      expect(await em.count(User, { email })).toBe(0);
      expect(await em.count(Membership, { scopeKey: ids.schoolId }, { filters: false })).toBeGreaterThan(0);
      expect(await stack.make.auditCount()).toBe(auditBefore);
      return response;
    }

    it('refuses an unknown field, naming it', async () => {
      const body = { ...valid(), nickname: 'Vally' };
      const response = await expectNothingWritten(body.email, () => invite(body));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'nickname', message: 'is not a field this endpoint accepts' },
      ]);
    });

    it('refuses a wrong type, naming the field', async () => {
      const body = { ...valid(), givenName: 42 };
      const response = await expectNothingWritten(body.email, () => invite(body));
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual(['givenName', 'givenName']);
    });

    it('refuses a role that cannot be given at a school, naming the field', async () => {
      const body = { ...valid(), role: 'trust_admin' };
      const response = await expectNothingWritten(body.email, () => invite(body));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'role', message: 'must be one of school_admin, office, teacher' },
      ]);
    });

    it('refuses malformed JSON as problem+json', async () => {
      const response = await stack
        .http()
        .post(`/api/v1/schools/${ids.schoolId}/memberships`)
        .set('authorization', `Bearer ${tokens.schoolAdmin}`)
        .set('content-type', 'application/json')
        .send('{"email": ');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a path id that is not a UUID, naming the parameter', async () => {
      const response = await stack
        .http()
        .get('/api/v1/schools/not-an-id/memberships')
        .set('authorization', `Bearer ${tokens.schoolAdmin}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'schoolId', message: 'must be a UUID' }]);
    });

    it('refuses a bad page size, naming the parameter', async () => {
      const response = await stack
        .http()
        .get(`/api/v1/schools/${ids.schoolId}/memberships?limit=0`)
        .set('authorization', `Bearer ${tokens.schoolAdmin}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('limit');
    });
  });
});
