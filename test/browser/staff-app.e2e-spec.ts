import FusionAuthClient from '@fusionauth/typescript-client';
import { Membership, User, type Role } from '@rowan/access';
import { Message } from '@rowan/communications';
import { Contact } from '@rowan/directory';
import { SchoolEvent } from '@rowan/events';
import type { School, Trust } from '@rowan/directory';
import type { UserId } from '@rowan/kernel';
import { DEMO_MFA_CODE, DEMO_PASSWORD } from '@rowan/sandbox';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { v7 } from 'uuid';
import { serveWeb, type WebServer } from '../../scripts/serve-web';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { expectEventually } from '../support/eventually';
import { seedSentMessage, setSmsPrice } from '../support/ledger-seed';
import { reportsKit } from '../support/reports-kit';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import {
  startSesStandIn,
  startStripeStandIn,
  startTwilioStandIn,
  type SesStandIn,
  type StripeStandIn,
  type TwilioStandIn,
} from '@rowan/sandbox';
import { createWorker } from '../../apps/worker/src/create-worker';
import { focused, freePort, launchChromium, seriousAxeViolations, type AxeFinding } from '../support/browser';
import { eventsKit } from '../support/events-kit';
import {
  TEST_API_KEY,
  TEST_APPLICATION_ID,
  TEST_STRIPE,
  TEST_TENANT_ID,
  TEST_TWILIO,
} from '../support/test-env';

jest.setTimeout(120_000);

/**
 * The staff web app in Debian's Chromium against the real API and the sandbox identity provider:
 * sign in with password and MFA code, invite a member of staff, see the audit entry; axe on every page.
 */
describe('staff web app (Chromium)', () => {
  let stack: ApiStack;
  let web: WebServer;
  let browser: Browser;
  let trust: Trust;
  let school: School;
  let worker: INestApplicationContext;
  let twilio: TwilioStandIn;
  let ses: SesStandIn;
  let stripe: StripeStandIn;
  const findings: AxeFinding[] = [];
  const { as, sql, school: staffedSchool, parent: parentToken } = eventsKit(() => stack);

  /** A person the identity provider knows (so they can sign in through its pages) with a Rowan role. */
  async function person(
    given: string,
    family: string,
    role: Role | null,
    where: { school?: School; trust?: Trust } = {},
  ) {
    const email = `${given}.${family}.${Date.now()}@example.test`.toLowerCase();
    const fusionAuth = new FusionAuthClient(TEST_API_KEY, stack.identity.issuer, TEST_TENANT_ID);
    const created = await fusionAuth.register(undefined as unknown as string, {
      user: { email, firstName: given, lastName: family, password: DEMO_PASSWORD },
      registration: { applicationId: TEST_APPLICATION_ID },
    });
    const subject = created.response.user!.id!;
    const em = stack.orm.em.fork();
    const user = new User(v7() as UserId, email, given, family, subject, new Date(), new Date());
    em.persist(user);
    if (role) {
      const trustId = where.school?.trustId ?? where.trust!.id;
      em.persist(
        new Membership(
          v7(),
          user.id,
          trustId,
          where.school?.id ?? null,
          role,
          'active',
          new Date(),
          new Date(),
        ),
      );
    }
    await em.flush();
    return { email, given, family, userId: user.id };
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'Sign in to Rowan' }).waitFor();
    await check(page, 'sign-in landing');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Verification code').fill(DEMO_MFA_CODE);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/auth/') && url.origin === web.url);
  }

  async function expectValue(locator: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
    await locator.waitFor();
    for (let i = 0; i < 50 && (await locator.inputValue()) !== value; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await locator.inputValue()).toBe(value);
  }

  async function check(page: Page, label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    findings.push(...(await seriousAxeViolations(page, label)));
  }

  /** A priced Year 5 trip a fortnight away, published by `staff` (invite the families first). */
  async function pricedTrip(
    s: School,
    staff: string,
    priceP: number,
    paymentTerms?: object,
  ): Promise<string> {
    const startsAt = Date.now() + 14 * 86_400_000;
    const created = await as(staff).post(`/api/v1/schools/${s.id}/events`, {
      kind: 'trip',
      title: `Science Museum ${v7().slice(-6)}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 6 * 3_600_000).toISOString(),
      capacity: 10,
      priceP,
      eligibility: { ncYears: [5] },
      ...(paymentTerms ? { paymentTerms } : {}),
    });
    expect(created.status).toBe(201);
    const published = await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    return created.body.id as string;
  }

  /** A family books a place on a new priced trip over the API and pays on the sandbox Stripe's checkout. */
  async function paidPlace(s: School, staff: string, priceP: number) {
    const child = await stack.make.pupil(s, 'Ada', `Payer ${v7().slice(-4)}`, 5);
    const token = await parentToken(s, [child]);
    const eventId = await pricedTrip(s, staff, priceP);
    const booked = await as(token).post('/api/v1/me/bookings', { eventId, pupilId: child.id });
    expect(booked.body).toMatchObject({ state: 'held' });
    const bookingId = booked.body.id as string;
    const opened = await as(token).post(`/api/v1/me/bookings/${bookingId}/checkout`);
    expect(opened.status).toBe(201);
    stripe.control.pay(decodeURIComponent(new URL(opened.body.url as string).pathname.split('/').pop()!));
    await expectEventually(async () => expect(await bookingState(bookingId)).toBe('confirmed'));
    return { bookingId, eventId };
  }

  async function bookingState(id: string): Promise<string | undefined> {
    const rows = (await sql('select state from event_bookings where id = ?', [id])) as Array<{
      state: string;
    }>;
    return rows[0]?.state;
  }

  beforeAll(async () => {
    const webPort = await freePort();
    const webOrigin = `http://127.0.0.1:${webPort}`;
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    twilio = await startTwilioStandIn({ ...TEST_TWILIO, callbackDelayMs: 10 });
    ses = await startSesStandIn();
    // The sandbox Stripe: the SDK pointed at it, its hosted checkout sending families back to the web app, and
    // its signed webhooks posted to the API.
    stripe = await startStripeStandIn({
      secretKey: TEST_STRIPE.secretKey,
      webhookSecret: TEST_STRIPE.webhookSecret,
      webhookUrl: `${apiUrl}/api/v1/webhooks/stripe`,
      webhookRetry: { attempts: 6, backoffMs: 100 },
    });
    const providers = {
      PUBLIC_API_URL: apiUrl,
      TWILIO_API_URL: twilio.url,
      SES_ENDPOINT: ses.url,
      STRIPE_API_URL: stripe.url,
    };
    stack = await startApiStack(providers, { webOrigin, listen: true, port: apiPort });
    worker = await createWorker(loadConfig(WorkerConfig, apiSettings(stack.identity, providers)), {
      schedules: false,
    });
    web = await serveWeb({
      host: '127.0.0.1',
      port: webPort,
      distDir: path.resolve(__dirname, '../../apps/web/dist'),
      config: { apiUrl, oidcIssuer: stack.identity.issuer, oidcClientId: TEST_APPLICATION_ID },
    });
    trust = await stack.make.trust('Browser Test Trust');
    school = await stack.make.school(trust, 'Hazel Lane Primary School');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stripe?.close();
    await twilio?.close();
    await ses?.close();
    await worker?.close();
    await stack?.close();
  });

  it('signs a school administrator in, invites a teacher, and shows the audit entry', async () => {
    const admin = await person('Grace', 'Hopper', 'school_admin', { school });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'staff home');

    await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    await page.getByRole('table').getByText(admin.email).waitFor();
    await check(page, 'staff');

    await page.getByRole('button', { name: 'Invite staff' }).first().click();
    const dialog = page.getByRole('dialog');
    await check(page, 'invite dialog');
    const invitee = `niamh.oconnor.${Date.now()}@example.test`;
    await dialog.getByLabel('Given name').fill('Niamh');
    await dialog.getByLabel('Family name').fill("O'Connor");
    await dialog.getByLabel('Email address').fill(invitee);
    await dialog.getByLabel('Role').selectOption('teacher');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('table').getByText(invitee).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const entry = page.getByRole('row').filter({ hasText: `Invited Niamh O'Connor <${invitee}> as teacher` });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain('Grace Hopper');
    // The tamper check: nothing altered or removed (this run's worker seals nothing, so the count may be 0).
    await page.getByText(/^Tamper check: chain intact \(\d+ sealed\)/).waitFor();
    // Her sign-in is in the log too.
    await page
      .getByRole('row')
      .filter({ hasText: 'Signed in' })
      .filter({ hasText: 'Grace Hopper' })
      .first()
      .waitFor();
    await check(page, 'audit log');
    // Searching by what the change was about: bookings hold no invitation, memberships do.
    await page.getByLabel('About').selectOption('booking');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await entry.waitFor({ state: 'detached' });
    await page.getByLabel('About').selectOption('membership');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await entry.waitFor();
    await page.screenshot({
      path: path.resolve(__dirname, '../../test-results/audit-log.png'),
      fullPage: true,
    });
    await page.context().close();
  });

  it('shows validation errors from the API next to their fields', async () => {
    const admin = await person('Ada', 'Lovelace', 'school_admin', { school });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('button', { name: 'Invite staff' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Given name').fill('No');
    await dialog.getByLabel('Family name').fill('Email');
    await dialog.getByLabel('Email address').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog.getByText(/email/i).first().isVisible()).resolves.toBe(true);
    await check(page, 'invite dialog with errors');
    await page.context().close();
  });

  it('lets office staff invite a pupil’s contact to the parent app from the pupil page', async () => {
    const officer = await person('Olu', 'Office', 'office', { school });
    const pupil = await stack.make.pupil(school, 'Tomás', 'Ó Briain', 4, 'tomas.obriain@school.test');
    const contact = await stack.make.contact(school, 'Róisín', 'Ó Briain', ['roisin@example.test']);
    await stack.make.link(pupil, contact, 'Mother');
    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Pupils' }).click();
    await page.getByRole('link', { name: /Tomás/ }).click();
    await page.getByRole('heading', { name: /Tomás/, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'tomas.obriain@school.test' }).waitFor();
    await check(page, 'pupil');
    await page.getByRole('button', { name: /Invite to the parent app/ }).click();
    await page.getByText('Invited to the app (roisin@example.test)').waitFor();

    await page
      .getByRole('link', { name: /Róisín/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Róisín/, level: 1 }).waitFor();
    await page.getByRole('link', { name: /Tomás/ }).first().waitFor();
    await check(page, 'contact');

    await page.getByRole('navigation').getByRole('link', { name: 'School workforce' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'school workforce');
    await page.context().close();
  });

  it('lets a school administrator export a pupil’s data as JSON and as a readable page; not office staff', async () => {
    const admin = await person('Dara', 'Protection', 'school_admin', { school });
    const officer = await person('Oisín', 'Office', 'office', { school });
    const pupil = await stack.make.pupil(school, 'Saoirse', 'Subject', 6);
    const contact = await stack.make.contact(school, 'Niall', 'Subject', ['niall.subject@example.test']);
    await stack.make.link(pupil, contact, 'Father');
    const pupilUrl = `${web.url}/schools/${school.id}/pupils/${pupil.id}`;

    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page, admin.email);
    await page.goto(pupilUrl);
    await page.getByRole('heading', { name: 'Subject access export', level: 2 }).waitFor();
    await check(page, 'pupil with subject access export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('subject-access-saoirse-subject.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.subject).toEqual({ kind: 'pupil', id: pupil.id, name: 'Saoirse Subject' });
    expect(JSON.stringify(exported.sections)).toContain('niall.subject@example.test');

    // The page comes from a blob: URL under the web app's policy, which allows its stylesheet by hash.
    const [readable] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Open readable page' }).click(),
    ]);
    await readable
      .getByRole('heading', { name: 'Subject access export: Saoirse Subject', level: 1 })
      .waitFor();
    expect(readable.url()).toMatch(/^blob:/);
    await expect(
      readable.evaluate<string>('getComputedStyle(document.querySelector("header")).borderBottomStyle'),
    ).resolves.toBe('solid');
    await readable.getByRole('cell', { name: 'Father' }).first().waitFor();
    await check(readable, 'subject access page');
    await expectEventually(async () =>
      expect(
        await sql(
          `select summary from audit_records where action = 'subject_access.exported' and target_id = ?`,
          [pupil.id],
        ),
      ).toEqual([{ summary: 'Subject access export (JSON)' }, { summary: 'Subject access export (HTML)' }]),
    );
    await page.context().close();

    const office = await (await browser.newContext()).newPage();
    await signIn(office, officer.email);
    await office.goto(pupilUrl);
    await office.getByRole('heading', { name: /Saoirse/, level: 1 }).waitFor();
    await office.getByRole('heading', { name: 'Contacts', level: 2 }).waitFor();
    await expect(office.getByRole('button', { name: 'Download JSON' }).count()).resolves.toBe(0);
    await office.context().close();
  });

  it('lets a school administrator upload the directory as CSV: problems by line, then a preview, then apply', async () => {
    const csvSchool = await stack.make.school(trust, 'Rowan Tree Infants');
    const admin = await person('Cerys', 'Admin', 'school_admin', { school: csvSchool });
    const template = (name: string) =>
      readFileSync(path.resolve(__dirname, '../../apps/web/public/templates', `${name}.csv`), 'utf8');
    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'MIS sync' }).click();
    await page.getByRole('heading', { name: 'Upload CSV files instead' }).waitFor();
    await check(page, 'mis sync (not connected)');

    await page
      .getByLabel('Pupils (pupils.csv)')
      .setInputFiles(csv('pupils.csv', template('pupils').replace('2017-07-02', '2017-13-02')));
    await page.getByLabel('Contacts (contacts.csv)').setInputFiles(csv('contacts.csv', template('contacts')));
    await page.getByRole('button', { name: 'Check files' }).click();
    const problems = page.getByRole('table', { name: 'Problems in the files' });
    await problems.getByRole('row', { name: /pupils\.csv 3 date_of_birth/ }).waitFor();
    await check(page, 'mis sync (upload refused)');

    await page.getByLabel('Pupils (pupils.csv)').setInputFiles(csv('pupils.csv', template('pupils')));
    await page.getByLabel('Staff (staff.csv)').setInputFiles(csv('staff.csv', template('staff')));
    await page.getByRole('button', { name: 'Check files' }).click();
    const preview = page.getByRole('table', { name: 'What applying this upload would change' });
    await preview.getByRole('row', { name: 'Pupils 3 0 0 0' }).waitFor();
    await preview.getByRole('row', { name: 'Staff 2 0 0 0' }).waitFor();
    await check(page, 'mis sync (upload preview)');
    await page.getByRole('button', { name: 'Apply these changes' }).click();
    await page
      .getByRole('cell', { name: /CSV upload/ })
      .first()
      .waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Pupils' }).click();
    await page.getByRole('link', { name: /Zoë Müller-Łukasik/ }).waitFor();
    await page.context().close();
  });

  it('lets office staff compose a message to a year group, and the parent read it in the app', async () => {
    const willow = await stack.make.school(trust, 'Willow Bank Primary');
    await stack.make.communicationSettings(willow, { quietHours: null });
    const officer = await person('Owen', 'Office', 'office', { school: willow });
    const parent = await person('Pria', 'Parent', 'parent', { school: willow });
    const child = await stack.make.pupil(willow, 'Ffion', 'Parry', 5);
    const contact = await stack.make.contact(willow, 'Pria', 'Parent', [parent.email], ['+447700900777']);
    await stack.make.link(child, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await check(page, 'messages');
    await page.getByRole('link', { name: 'New message' }).click();
    await page.getByLabel('Year 5').check();
    await page.getByRole('group', { name: 'App' }).getByLabel('Title').fill('Sports day on Friday');
    await page
      .getByRole('group', { name: 'App' })
      .getByLabel('Message')
      .fill('Hello {{forename}}, {{children}} needs a sun hat.');
    await page.getByRole('group', { name: 'Email' }).getByLabel('Subject').fill('Sports day');
    await page.getByRole('group', { name: 'Email' }).getByLabel('Message').fill('Hello {{forename}}');
    await page
      .getByRole('group', { name: 'SMS' })
      .getByLabel('Text')
      .fill('Sports day on Friday: sun hats please.');
    await page.getByText('1 segment (GSM-7)').waitFor();
    await page.getByText('1 recipient').waitFor();
    await check(page, 'compose message');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('heading', { name: 'Sports day', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: 'Deliveries by channel and state' })
      .getByRole('row', { name: /^App/ })
      .waitFor();
    await check(page, 'message progress');
    await page.context().close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const parentPage = await phone.newPage();
    await signIn(parentPage, parent.email);
    await parentPage.getByRole('link', { name: /Sports day on Friday/ }).click();
    await parentPage.getByText('Hello Pria, Ffion needs a sun hat.').waitFor();
    await check(parentPage, 'parent message');
    await phone.close();
  });

  it('lets office staff pick a class and a named pupil, write a rich-text email, schedule it and edit it', async () => {
    const elm = await stack.make.school(trust, 'Elm Road Primary');
    await stack.make.communicationSettings(elm, { quietHours: null });
    const officer = await person('Osian', 'Office', 'office', { school: elm });
    const inClass = await stack.make.pupil(elm, 'Ffion', 'Class', 5, 'ffion.class@elm-road.school.test');
    const named = await stack.make.pupil(elm, 'Gwenllian', 'Named', 2);
    await stack.make.pupil(elm, 'Hywel', 'Other', 5);
    for (const pupil of [inClass, named]) {
      const contact = await stack.make.contact(elm, 'Carer', pupil.preferredSurname, [
        `${pupil.preferredForename.toLowerCase()}@example.test`,
      ]);
      await stack.make.link(pupil, contact);
    }
    const group = await stack.make.group(elm, '5C', 'registration', [inClass]);
    await stack.make.group(elm, 'Maths Set 1', 'teaching', []);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: 'New message' }).click();
    await page.getByLabel(/Email only/).check();

    // Keyboard only: type, arrow to the match, Enter to add; the chip's button removes it.
    const groups = page.getByRole('combobox', { name: 'Classes and groups' });
    await groups.fill('5C');
    await page.getByRole('option', { name: /5C/ }).waitFor();
    await page.getByRole('option', { name: /Maths Set 1/ }).waitFor({ state: 'detached' });
    await groups.press('ArrowDown');
    await groups.press('Enter');
    await page.getByRole('button', { name: 'Remove 5C' }).waitFor();
    await page.getByText('1 recipient').waitFor();
    const pupils = page.getByRole('combobox', { name: 'Named pupils' });
    await pupils.fill('Gwen');
    await page.getByRole('option', { name: /Gwenllian Named/ }).waitFor();
    await pupils.press('Enter');
    await page.getByText('2 recipients').waitFor();
    await check(page, 'compose message (class and named pupil)');
    await page.getByRole('button', { name: 'Remove Gwenllian Named' }).press('Enter');
    await page.getByText('1 recipient').waitFor();
    // The same pickers for pupils themselves: reached by their school email only.
    await page.getByRole('radio', { name: 'Pupils' }).check();
    const reach = page.getByRole('region', { name: 'Who it reaches' });
    await reach.getByText('1 pupil', { exact: true }).waitFor();
    expect(await reach.locator('dl').innerText()).toMatch(/By email\s+1\s+No school email\s+0/);
    await check(page, 'compose message (pupils)');
    await page.getByRole('radio', { name: 'Parents and carers' }).check();
    await page.getByText('1 recipient').waitFor();

    const email = page.getByRole('group', { name: 'Email' });
    await email.getByLabel('Subject').fill('Class trip');
    await email.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Dear {{forename}}, bring a coat.');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'bring a coat'.length; i++) {
      await page.keyboard.press('Shift+ArrowLeft');
    }
    await email.getByRole('button', { name: 'Bold' }).click();
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page
      .getByLabel(/Send later/)
      .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T09:30`);
    await check(page, 'compose message (rich text)');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Class trip', level: 1 }).waitFor();
    const [scheduled] = await stack.orm.em.fork().find(Message, { schoolId: elm.id }, { filters: false });
    expect(scheduled?.content.email?.html).toBe('<p>Dear {{forename}}, <strong>bring a coat</strong>.</p>');

    await page.getByRole('link', { name: 'Edit message' }).click();
    await page.getByRole('heading', { name: 'Edit message', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Remove 5C' }).waitFor();
    await expectValue(page.getByRole('group', { name: 'Email' }).getByLabel('Subject'), 'Class trip');
    await page.getByRole('group', { name: 'Email' }).getByText('bring a coat').waitFor();
    await check(page, 'edit message');
    await page.getByRole('group', { name: 'Email' }).getByLabel('Subject').fill('Class trip on Friday');
    await page.getByRole('button', { name: 'Save and keep scheduled' }).click();
    await page.getByRole('heading', { name: 'Class trip on Friday', level: 1 }).waitFor();

    const saved = await stack.orm.em.fork().find(Message, { schoolId: elm.id }, { filters: false });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      status: 'scheduled',
      audience: { groupIds: [group.id], pupilIds: [] },
      content: {
        email: {
          subject: 'Class trip on Friday',
          html: '<p>Dear {{forename}}, <strong>bring a coat</strong>.</p>',
          text: 'Dear {{forename}}, bring a coat.',
        },
      },
    });
    await page.context().close();
  });

  it('lets office staff message the booked families of a trip, and then those yet to respond, by keyboard', async () => {
    const ash = await stack.make.school(trust, 'Ash Grove Primary');
    await stack.make.communicationSettings(ash, { quietHours: null });
    const officer = await person('Olwen', 'Office', 'office', { school: ash });
    const [bryn, dai, cerys] = [
      await stack.make.pupil(ash, 'Bryn', 'Booked', 5),
      await stack.make.pupil(ash, 'Dai', 'Booked', 5),
      await stack.make.pupil(ash, 'Cerys', 'Waiting', 5),
    ];
    const emails = new Map<string, string>();
    for (const pupil of [bryn, dai, cerys]) {
      const address = `${pupil.preferredForename.toLowerCase()}.${Date.now()}@families.test`;
      await stack.make.link(pupil, await stack.make.contact(ash, 'Carer', pupil.preferredSurname, [address]));
      emails.set(pupil.preferredForename, address);
    }
    const event = await stack.make.event(ash, officer.userId, 'published', 10);
    await stack.make.event(ash, officer.userId, 'draft', 10);
    const connection = stack.orm.em.fork().getConnection();
    for (const pupil of [bryn, dai, cerys]) {
      await connection.execute(
        `insert into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at)
         values (?, ?, ?, 0, now(3))`,
        [event.id, pupil.id, ash.id],
      );
    }
    await stack.make.booking(event, bryn, officer.userId);
    await stack.make.booking(event, dai, officer.userId);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: 'New message' }).click();
    await page.getByLabel(/Email only/).check();
    await page.getByText('3 recipients').waitFor();
    // Keyboard only: the event is a native select (arrows choose), which invitees a radio group (arrows move).
    const picker = page.getByRole('combobox', { name: 'Event' });
    await picker.locator('option', { hasText: event.title }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allInnerTexts()).toEqual([
      'No event',
      expect.stringContaining(event.title),
    ]);
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('radio', { name: /Everyone invited/ }).waitFor();
    expect(await page.getByRole('radio', { name: /Consent outstanding/ }).count()).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Booked/ }).isChecked()).toBe(true);
    await page.getByText('2 recipients').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Not yet responded/ }).isChecked()).toBe(true);
    await page.getByText('1 recipient').waitFor();
    await check(page, 'compose message (event invitees)');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.getByText('2 recipients').waitFor();

    const email = page.getByRole('group', { name: 'Email' });
    await email.getByLabel('Subject').fill('Packed lunch for {{children}}');
    await email.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Dear {{forename}}, see you at 8.');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('heading', { name: 'Packed lunch for {{children}}', level: 1 }).waitFor();
    const subjects = () =>
      ['Bryn', 'Dai', 'Cerys'].map((n) =>
        ses
          .emails()
          .filter((e) => e.to.includes(emails.get(n)!))
          .map((e) => e.subject),
      );
    for (let i = 0; i < 100 && subjects().flat().length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(subjects()).toEqual([['Packed lunch for Bryn'], ['Packed lunch for Dai'], []]);
    const [sent] = await stack.orm.em.fork().find(Message, { schoolId: ash.id }, { filters: false });
    expect(sent?.audience).toMatchObject({ eventInvitees: { eventId: event.id, invitees: 'booked' } });
    await page.context().close();
  });

  it('lets a school administrator set the messaging rules', async () => {
    const admin = await person('Sian', 'Admin', 'school_admin', { school });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Monthly SMS budget (£)').fill('25');
    await check(page, 'messaging settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Messaging settings saved.').waitFor({ state: 'attached' });
    await page.reload();
    await expectValue(page.getByLabel('Monthly SMS budget (£)'), '25.00');
    await page.context().close();
  });

  it('lets a school administrator set the payment settings and see a month reconciled with Stripe', async () => {
    const { school: hazel, staff } = await staffedSchool();
    const admin = await person('Paula', 'Payments', 'school_admin', { school: hazel });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
    await page.getByText('Reconciled: every payment and refund matches').waitFor();
    await check(page, 'payments');

    const account = page.getByLabel('Stripe connected account');
    await account.fill('acct_not valid');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/connected account id like acct_/).waitFor();
    await account.fill('acct_hazelLane01');
    await page.getByLabel('Keep the deposit').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Payment settings saved.').waitFor({ state: 'attached' });
    await page.reload();
    await expectValue(page.getByLabel('Stripe connected account'), 'acct_hazelLane01');
    await expect(page.getByLabel('Keep the deposit').isChecked()).resolves.toBe(true);

    // A real payment into that account through the sandbox Stripe, confirmed by its webhooks, and a part refund.
    const { bookingId, eventId } = await paidPlace(hazel, staff, 2450);
    const refunded = await as(staff).post(
      `/api/v1/schools/${hazel.id}/events/${eventId}/bookings/${bookingId}/refunds`,
      { amountP: 700, reason: 'Part refund' },
    );
    expect(refunded.status).toBe(200);
    await stripe.control.idle();
    await page.reload();
    await page.getByText('Reconciled: every payment and refund matches').waitFor();
    await page.getByText('2 matched with Stripe.').waitFor();
    await page.getByText(/1 payments, 1 refunds: £17\.50 in less out/).waitFor();
    await check(page, 'payments reconciled');

    // A payment Stripe has and Rowan never heard of.
    stripe.control.plantMismatch({ kind: 'extra', account: 'acct_hazelLane01', amount: 1850 });
    await page.reload();
    const row = page
      .getByRole('table', { name: 'What does not match' })
      .getByRole('row', { name: /Stripe, not in Rowan/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Payment.*£18\.50/);
    await page.getByText('1 to look into').waitFor();
    await check(page, 'payments reconciliation with a mismatch');
    await page.context().close();
  });

  it('shows messaging reports as charts with a table, and lets a trust admin set the trust SMS budget', async () => {
    const oak = await stack.make.school(trust, 'Oak Tree Primary');
    await setSmsPrice(stack.orm, oak, 5);
    const now = new Date(Date.now() - 60_000);
    await seedSentMessage(stack.orm, oak, now, [
      [{ channel: 'app', state: 'read', sentAt: now }],
      [{ channel: 'sms', state: 'delivered', sentAt: now, segments: 2 }],
      [{ channel: 'email', state: 'bounced', sentAt: now }],
    ]);
    const officer = await person('Rhys', 'Reports', 'office', { school: oak });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Messaging reports' }).click();
    await page.getByRole('heading', { name: 'Messaging reports', level: 1 }).waitFor();
    await page.getByRole('img', { name: /recipients and recipients reached/ }).waitFor();
    await page.getByRole('img', { name: /SMS cost in pounds/ }).waitFor();
    const table = page.getByRole('table', { name: /figures by month/ });
    await table.getByRole('row', { name: /^Total 1 3 2 66\.7% .* 2 £0\.10$/ }).waitFor();
    await check(page, 'messaging reports');
    await page.screenshot({
      path: path.resolve(__dirname, '../../test-results/messaging-reports.png'),
      fullPage: true,
    });
    await page.getByLabel('Show by').selectOption('week');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('columnheader', { name: 'Week' }).waitFor();
    await check(page, 'messaging reports by week');
    await page.context().close();

    const trustAdmin = await person('Tegan', 'Trust', 'trust_admin', { trust });
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, trustAdmin.email);
    await admin.getByRole('navigation').getByRole('link', { name: 'Trust messaging' }).click();
    await admin.getByRole('heading', { name: 'Trust messaging reports', level: 1 }).waitFor();
    await admin.getByRole('img', { name: /recipients and recipients reached/ }).waitFor();
    await admin
      .getByRole('table', { name: /Each school of/ })
      .getByRole('row', { name: /Oak Tree Primary 1 3 2/ })
      .waitFor();
    await check(admin, 'trust messaging reports');
    await admin.getByRole('navigation').getByRole('link', { name: 'Trust SMS budget' }).click();
    await admin.getByRole('heading', { name: 'Trust SMS budget', level: 1 }).waitFor();
    await admin.getByRole('row', { name: /Oak Tree Primary £0\.10/ }).waitFor();
    await admin.getByLabel('Monthly SMS budget for the trust (£)').fill('lots');
    await admin.getByRole('button', { name: 'Save budget' }).click();
    await admin.locator('.field__error').first().waitFor();
    await check(admin, 'trust sms budget with an error');
    await admin.getByLabel('Monthly SMS budget for the trust (£)').fill('40');
    await admin.getByRole('button', { name: 'Save budget' }).click();
    await admin.getByText('Trust SMS budget saved.').waitFor({ state: 'attached' });
    await admin.getByText('£39.90').waitFor();
    await check(admin, 'trust sms budget');
    await admin.context().close();
  });

  it('shows event reports with charts and tables, and downloads them as CSV and Excel', async () => {
    const elm = await stack.make.school(trust, 'Elm Park Primary');
    const officer = await person('Owen', 'Office', 'office', { school: elm });
    const trip = await stack.make.event(elm, officer.userId, 'published');
    const seed = reportsKit(() => stack.orm);
    const pupils = await Promise.all(
      ['Ada', 'Ben', 'Cara', 'Dev'].map((name) => stack.make.pupil(elm, name, 'Elmfield', 5)),
    );
    await seed.invite(trip, pupils);
    await seed.flag(pupils[0]!, 'pupil_premium');
    await seed.flag(pupils[1]!, 'pupil_premium');
    const ada = await seed.book(trip, pupils[0]!, 'confirmed', officer.userId);
    await seed.book(trip, pupils[2]!, 'confirmed', officer.userId);
    await seed.book(trip, pupils[3]!, 'confirmed', officer.userId);
    await seed.mark(trip, ada, officer.userId);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Event reports' }).click();
    await page.getByRole('heading', { name: 'Event reports', level: 1 }).waitFor();
    await page.getByRole('img', { name: /Take-up at Elm Park Primary/ }).waitFor();
    await page
      .getByRole('table', { name: /Take-up at Elm Park Primary.*figures/ })
      .getByRole('row', { name: /^Pupil Premium 2 1 50% 2 2 100% -50 points$/ })
      .waitFor();
    await page
      .getByRole('table', { name: 'Year 5: each event' })
      .getByRole('row', { name: new RegExp(`^${trip.title} .* 4 3 1$`) })
      .waitFor();
    await page.getByRole('img', { name: /Year 5: invited, booked and attended/ }).waitFor();
    await check(page, 'event reports');
    await page.screenshot({
      path: path.resolve(__dirname, '../../test-results/event-reports.png'),
      fullPage: true,
    });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Download equity of take-up' })
        .getByRole('button', { name: 'Download CSV' })
        .click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^equity-.*\.csv$/);
    expect(readFileSync(await csv.path(), 'utf8')).toContain('Pupil Premium,2,1,50,2,2,100,-50');

    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: trip.title }).click();
    await page.getByRole('link', { name: /Participation and equity report/ }).click();
    await page.getByRole('heading', { name: `Report: ${trip.title}`, level: 1 }).waitFor();
    await page
      .getByRole('table', { name: `Invited pupils for ${trip.title}` })
      .getByRole('row', { name: /^Elmfield, Ada Year 5 5B Yes No No Confirmed Not needed 1 0$/ })
      .waitFor();
    await check(page, 'event report');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Download participation, every invited pupil' })
        .getByRole('button', { name: 'Download Excel' })
        .click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^participation-.*\.xlsx$/);
    await page.context().close();

    const trustAdmin = await person('Tomos', 'Trust', 'trust_admin', { trust });
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, trustAdmin.email);
    await admin.getByRole('navigation').getByRole('link', { name: 'Trust events' }).click();
    await admin.getByRole('heading', { name: 'Trust event reports', level: 1 }).waitFor();
    await admin
      .getByRole('table', { name: /Each school of/ })
      .getByRole('row', { name: /^Elm Park Primary 1 4 3 75% 50% \(1 of 2\)/ })
      .waitFor();
    await admin.getByRole('img', { name: /Take-up per school/ }).waitFor();
    await check(admin, 'trust event reports');
    await admin.context().close();
  });

  it('lets a trust administrator see the trust’s schools', async () => {
    const trustAdmin = await person('Amara', 'Okafor', 'trust_admin', { trust });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, trustAdmin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Schools' }).click();
    await page.getByRole('cell', { name: 'Hazel Lane Primary School' }).first().waitFor();
    await check(page, 'schools');
    await page.getByRole('navigation').getByRole('link', { name: 'Directory overview' }).click();
    await page.getByRole('heading', { name: 'Directory overview', level: 1 }).waitFor();
    await page.getByRole('table').getByText('Hazel Lane Primary School').first().waitFor();
    await check(page, 'directory overview');
    await page.context().close();
  });

  it('lets a trust administrator see leavers kept, record a school’s contract end and withdraw it', async () => {
    const ownTrust = await stack.make.trust('Rowan Valley Trust');
    const rowanValley = await stack.make.school(ownTrust, 'Rowan Valley Primary');
    const leaver = await stack.make.pupil(rowanValley, 'Lena', 'Leaver', 6);
    await sql(`update pupils set enrolment = 'left', leave_date = '2025-07-18' where id = ?`, [leaver.id]);
    const admin = await person('Tamsin', 'Trustee', 'trust_admin', { trust: ownTrust });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Data protection' }).click();
    await page.getByRole('heading', { name: 'Data protection', level: 1 }).waitFor();
    await expect(page.getByTestId('leavers-kept').textContent()).resolves.toBe('1');
    await page.getByText('1 Sep 2027').waitFor();
    await page.getByText('No contract end is recorded.').waitFor();
    await check(page, 'data protection');

    const endsOn = page.getByLabel('Contract’s last day');
    await endsOn.fill('2020-07-31');
    await page.getByRole('button', { name: 'Record contract end' }).click();
    await page.getByText(/must leave the 30 days’ notice/).waitFor();
    await check(page, 'data protection with an error');
    const end = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await endsOn.fill(end);
    await page.getByRole('button', { name: 'Record contract end' }).click();
    await page.getByText('This school’s contract is ending').waitFor();
    await page
      .getByText(/will be destroyed on/)
      .first()
      .waitFor();
    await check(page, 'data protection with a contract end');
    await page.getByRole('button', { name: 'Withdraw the termination' }).click();
    await page.getByText('No contract end is recorded.').waitFor();
    expect(await stack.make.auditCount({ schoolId: rowanValley.id, action: 'contract.end_withdrawn' })).toBe(
      1,
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Destroyed school data' }).click();
    await page.getByText('No school’s data has been destroyed').waitFor();
    await check(page, 'destroyed school data');
    await page.context().close();
  });

  it('lets office staff create and publish a trip, and a parent book it on a phone with the keyboard', async () => {
    const rowan = await stack.make.school(trust, 'Rowan Tree Primary');
    await stack.make.communicationSettings(rowan, { quietHours: null });
    const officer = await person('Ola', 'Office', 'office', { school: rowan });
    const parent = await person('Priya', 'Booker', 'parent', { school: rowan });
    const child = await stack.make.pupil(rowan, 'Tomos', 'Booker', 5);
    const yara = await stack.make.pupil(rowan, 'Yara', 'Younger', 3);
    await stack.make.pupil(rowan, 'Zac', 'Named', 1);
    await stack.make.group(rowan, '3Y', 'registration', [yara]);
    const contact = await stack.make.contact(rowan, 'Priya', 'Booker', [parent.email]);
    await stack.make.link(child, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await check(page, 'events');
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByLabel('Title').fill('Castle trip');
    await page.getByLabel('Starts').fill('2030-06-03T09:00');
    await page.getByLabel('Ends').fill('2030-06-03T15:30');
    await page.getByLabel('Places', { exact: true }).fill('20');
    await page.getByLabel(/Year groups/).fill('5');
    await page.getByRole('heading', { name: '1 eligible pupil' }).waitFor();
    // The composer's pickers, by keyboard: a class, then a named pupil; the preview follows each change.
    const groups = page.getByRole('combobox', { name: 'Classes and groups' });
    await groups.fill('3Y');
    await page.getByRole('option', { name: /3Y/ }).waitFor();
    await groups.press('Enter');
    await page.getByRole('heading', { name: '2 eligible pupils' }).waitFor();
    const named = page.getByRole('combobox', { name: 'Named pupils' });
    await named.fill('Zac');
    await page.getByRole('option', { name: /Zac Named/ }).waitFor();
    await named.press('ArrowDown');
    await named.press('Enter');
    await page.getByRole('heading', { name: '3 eligible pupils' }).waitFor();
    await check(page, 'new event');
    await page.getByRole('button', { name: 'Remove Zac Named' }).press('Enter');
    await page.getByRole('heading', { name: '2 eligible pupils' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Castle trip', level: 1 }).waitFor();
    // Changing the draft: the form comes back filled in (dates in UK time, the chosen class named).
    await page.getByRole('link', { name: 'Change details' }).click();
    await page.getByRole('heading', { name: 'Change the event', level: 1 }).waitFor();
    await expectValue(page.getByLabel('Title'), 'Castle trip');
    await expectValue(page.getByLabel('Starts'), '2030-06-03T09:00');
    await expectValue(page.getByLabel('Places', { exact: true }), '20');
    await page.getByRole('button', { name: 'Remove 3Y' }).waitFor();
    await page.getByRole('heading', { name: '2 eligible pupils' }).waitFor();
    await check(page, 'change event');
    await page.getByLabel('Title').fill('Castle trip to Conwy');
    await page.getByLabel('Places', { exact: true }).fill('25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Castle trip to Conwy', level: 1 }).waitFor();
    await page.getByText(/0 of 25 places taken/).waitFor();
    await page.getByRole('button', { name: 'Publish and invite' }).click();
    await page.getByText('Families invited').waitFor();
    await check(page, 'event');
    // Once published, only the title, description and dates may change, and the form says so.
    await page.getByRole('link', { name: 'Change details' }).click();
    await page.getByText('This event is published').waitFor();
    await check(page, 'change a published event');
    await page.getByLabel('Places', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /title, description and dates/i })
      .first()
      .waitFor();
    await page.getByLabel('Places', { exact: true }).fill('25');
    await page.getByLabel('Title').fill('Castle trip');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Castle trip', level: 1 }).waitFor();
    const [saved] = await stack.orm.em.fork().find(SchoolEvent, { schoolId: rowan.id }, { filters: false });
    expect(saved?.eligibility).toEqual({
      ncYears: [5],
      groupIds: [expect.any(String)],
      pupilIds: [],
      characteristics: [],
    });
    await page.context().close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const parentPage = await phone.newPage();
    await signIn(parentPage, parent.email);
    await parentPage.getByRole('link', { name: 'Invitations to trips and clubs' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await check(parentPage, 'parent invitations');
    await parentPage.getByRole('button', { name: 'Book for Tomos' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByText('Place booked').waitFor();
    await parentPage.getByRole('button', { name: 'Cancel for Tomos' }).waitFor();
    await check(parentPage, 'parent invitations booked');
    await phone.close();
  });

  it('lets a parent book and pay for a priced trip on a phone: the subsidised price, the sandbox Stripe checkout, and back', async () => {
    const { school: s, staff } = await staffedSchool();
    const parent = await person('Pia', 'Payer', 'parent', { school: s });
    const pip = await stack.make.pupil(s, 'Pip', 'Payer', 5);
    const sid = await stack.make.pupil(s, 'Sid', 'Payer', 5);
    await sql(
      `insert into pupil_characteristics (id, school_id, pupil_id, kind, value, effective_from, effective_to)
       values (?, ?, ?, 'pupil_premium', 'yes', '2026-09-01', null)`,
      [v7(), s.id, pip.id],
    );
    const contact = await stack.make.contact(s, 'Pia', 'Payer', [parent.email]);
    await stack.make.link(pip, contact, 'Mother');
    await stack.make.link(sid, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });
    await pricedTrip(s, staff, 2450, { subsidy: 'percent', subsidyPercent: 50 });

    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await phone.newPage();
    const main = page.getByRole('main');
    await signIn(page, parent.email);
    await page.getByRole('link', { name: 'Invitations to trips and clubs' }).focus();
    await page.keyboard.press('Enter');
    const pipCard = page.getByRole('region', { name: 'Pip Payer' });
    const sidCard = page.getByRole('region', { name: 'Sid Payer' });
    await pipCard.getByText('You pay').waitFor();
    // Pip has Pupil Premium: the school pays half, and the price lines say so; Sid pays the full price.
    expect(await pipCard.locator('dl').innerText()).toMatch(
      /The place\s+£24\.50\s+School subsidy[^\n]*\s+−£12\.25\s+You pay\s+£12\.25/,
    );
    await sidCard.getByRole('button', { name: 'Book and pay £24.50 for Sid' }).waitFor();
    await check(page, 'parent priced invitations');

    // Keyboard only to book: the place is held and the browser goes to the sandbox Stripe's hosted page.
    await pipCard.getByRole('button', { name: 'Book and pay £12.25 for Pip' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.origin === stripe.url && url.pathname.startsWith('/checkout/'));
    await page.getByRole('heading', { name: 'Pay £12.25', level: 1 }).waitFor();
    await check(page, 'sandbox stripe checkout');
    await page.getByRole('button', { name: 'Pay', exact: true }).tap();
    await page.waitForURL((url) => url.origin === web.url && url.pathname === '/parent/payments/return');
    await main.getByText('Payment received — Pip’s place is confirmed').waitFor();
    await check(page, 'payment return (paid)');
    await page.getByRole('link', { name: 'Back to invitations' }).tap();
    await pipCard.getByText('Paid £12.25').waitFor();

    // Sid's parent cancels on the checkout page: the place stays held, and paying again confirms it.
    await sidCard.getByRole('button', { name: 'Book and pay £24.50 for Sid' }).tap();
    await page.waitForURL((url) => url.origin === stripe.url);
    await page.getByRole('button', { name: 'Cancel and go back' }).tap();
    await page.waitForURL((url) => url.origin === web.url && url.pathname === '/parent/payments/return');
    await main.getByText(/^Payment not made — your place is held until \d\d:\d\d$/).waitFor();
    await main.getByText('Pay before then to keep the place').waitFor();
    await check(page, 'payment return (cancelled)');
    await page.getByRole('button', { name: 'Pay £24.50 again' }).tap();
    await page.waitForURL((url) => url.origin === stripe.url);
    await page.getByRole('heading', { name: 'Pay £24.50', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Pay', exact: true }).tap();
    await main.getByText('Payment received — Sid’s place is confirmed').waitFor();
    await page.getByRole('link', { name: 'Back to invitations' }).tap();
    await sidCard.getByText('Paid £24.50').waitFor();
    await pipCard.getByText('Paid £12.25').waitFor();
    await check(page, 'parent invitations paid');
    await phone.close();
  });

  it('lets office staff add a consent question to a trip, and a parent answer it on a phone with the keyboard', async () => {
    const oak = await stack.make.school(trust, 'Oak Consent Primary');
    await stack.make.communicationSettings(oak, { quietHours: null });
    const officer = await person('Cara', 'Consent', 'office', { school: oak });
    const parent = await person('Nia', 'Consent', 'parent', { school: oak });
    const child = await stack.make.pupil(oak, 'Ifan', 'Consent', 5);
    const contact = await stack.make.contact(oak, 'Nia', 'Consent', [parent.email]);
    await stack.make.link(child, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });
    const event = await stack.make.event(oak, officer.userId, 'draft', 10);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: event.title }).click();
    await page.getByRole('heading', { name: 'Consent form' }).waitFor();
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 1 wording').fill('May Ifan swim?');
    await page.getByRole('button', { name: 'Save consent form' }).click();
    await page.getByText('Consent form saved').waitFor();
    await page.getByRole('button', { name: 'Publish and invite' }).click();
    await page.getByText('Families invited').waitFor();
    await check(page, 'event with consent form');
    await page.context().close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const parentPage = await phone.newPage();
    await signIn(parentPage, parent.email);
    await parentPage.getByRole('link', { name: 'Invitations to trips and clubs' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('group', { name: /May Ifan swim/ }).waitFor();
    await check(parentPage, 'parent consent form');
    await parentPage.getByRole('radio', { name: 'Yes' }).focus();
    await parentPage.keyboard.press('Space');
    await parentPage.getByRole('button', { name: 'Book for Ifan' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByText('Consent given').waitFor();
    await check(parentPage, 'parent consent given');
    await phone.close();
  });

  it('lets staff set up a parents’ evening, and a parent hold, confirm and cancel a slot on a phone with the keyboard, and the office cancel for them', async () => {
    const willow = await stack.make.school(trust, 'Willow Primary');
    await stack.make.communicationSettings(willow, { quietHours: null });
    const officer = await person('Oma', 'Office', 'office', { school: willow });
    const parent = await person('Pia', 'Evening', 'parent', { school: willow });
    const child = await stack.make.pupil(willow, 'Tali', 'Evening', 5);
    await stack.make.group(willow, '5 Maths', 'teaching', [child]);
    await stack.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into staff_members (id, school_id, mis_id, title, forename, surname, job_title, email, active,
           fingerprint, created_at, updated_at) values (?, ?, 'T-PE', 'Mr', 'Ifan', 'Jones', null, null, 1, 'fp', now(3), now(3))`,
        [v7(), willow.id],
      );
    const contact = await stack.make.contact(willow, 'Pia', 'Evening', [parent.email]);
    await stack.make.link(child, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: 'New parents’ evening' }).click();
    await page.getByLabel('Title').fill('Year 5 parents’ evening');
    await page.getByLabel('Date').fill('2030-06-04');
    await page.getByLabel(/Year groups/).fill('5');
    await page.getByLabel('Add a member of staff').selectOption({ label: 'Mr Ifan Jones' });
    await page.getByRole('button', { name: 'Add teacher' }).click();
    await page.getByLabel('5 Maths').check();
    await check(page, 'new parents evening');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { name: 'Year 5 parents’ evening', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Publish and invite' }).click();
    await page.getByRole('button', { name: 'Publish and invite' }).waitFor({ state: 'detached' });
    await check(page, 'parents evening slot grid');
    await page.context().close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const parentPage = await phone.newPage();
    await signIn(parentPage, parent.email);
    await parentPage.getByRole('link', { name: 'Invitations to trips and clubs' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('link', { name: 'Choose times for Tali' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('heading', { name: 'Year 5 parents’ evening', level: 1 }).waitFor();
    await check(parentPage, 'parent slot picker');
    await parentPage.getByRole('radio', { name: '16:00' }).focus();
    await parentPage.keyboard.press('Space');
    await parentPage.getByRole('button', { name: 'Hold this time for Tali' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByText('Held:').waitFor();
    await parentPage.getByRole('button', { name: 'Confirm my times' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByText('Booked:').waitFor();
    await check(parentPage, 'parent slot picker booked');

    // Cancelling asks first, with "Keep it" focused; the time is free again and the keyboard is back on Tali.
    await parentPage.getByRole('button', { name: /^Cancel Tali’s time with Mr Ifan Jones/ }).focus();
    await parentPage.keyboard.press('Enter');
    const dialog = parentPage.getByRole('dialog', { name: 'Cancel this appointment?' });
    await dialog.getByText('Tali with Mr Ifan Jones at 16:00').waitFor();
    expect((await focused(parentPage)).text).toBe('Keep it');
    await check(parentPage, 'parent cancel appointment dialog');
    await parentPage.keyboard.press('Tab');
    await parentPage.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await parentPage.getByRole('radio', { name: '16:00' }).waitFor();
    expect(await parentPage.getByText('Booked:').count()).toBe(0);
    expect((await focused(parentPage)).id).toMatch(/^choice-/);
    await check(parentPage, 'parent slot picker after cancelling');
    await parentPage.getByRole('radio', { name: '16:00' }).focus();
    await parentPage.keyboard.press('Space');
    await parentPage.getByRole('button', { name: 'Hold this time for Tali' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('button', { name: 'Confirm my times' }).focus();
    await parentPage.keyboard.press('Enter');
    await parentPage.getByText('Booked:').waitFor();
    await phone.close();

    // The office cancels it for the parent: it leaves the appointment list.
    const office = await (await browser.newContext()).newPage();
    await signIn(office, officer.email);
    await office.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await office.getByRole('link', { name: 'Year 5 parents’ evening' }).click();
    const row = office.getByRole('row', { name: /Tali Evening/ });
    await row.waitFor();
    await row.getByRole('button', { name: /^Cancel Tali Evening with Mr Ifan Jones at 16:00/ }).click();
    const staffDialog = office.getByRole('dialog', { name: 'Cancel this appointment?' });
    await staffDialog.waitFor();
    await check(office, 'staff cancel appointment dialog');
    await staffDialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await row.waitFor({ state: 'detached' });
    await check(office, 'parents evening after staff cancel');
    await office.context().close();
  });

  it('sends a parent to the mobile parent area', async () => {
    const parent = await person('Pat', 'Parent', 'parent', { school });
    const child = await stack.make.pupil(school, 'Maisie', "O'Hara");
    const contact = await stack.make.contact(school, 'Pat', 'Parent', [parent.email]);
    await stack.make.link(child, contact, 'Mother');
    await stack.orm.em
      .fork()
      .nativeUpdate(Contact, { id: contact.id }, { userId: parent.userId }, { filters: false });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await signIn(page, parent.email);
    await page.waitForURL((url) => url.pathname.startsWith('/parent'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText("Maisie O'Hara").waitFor();
    await check(page, 'parent home');
    // The staff app's email editor (Tiptap) stays out of the parent area's budget.
    expect(scripts.some((u) => /\/parent-/.test(u))).toBe(true);
    expect(scripts.filter((u) => /vendor-staff/.test(u))).toEqual([]);
    // A reload keeps the session without fetching the OIDC library, which loads for signing out.
    scripts.length = 0;
    await page.reload();
    await page.getByText("Maisie O'Hara").waitFor();
    expect(scripts.filter((u) => /oidc-client-ts/.test(u))).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // To the identity provider's sign-out page (or, if it cannot be reached, straight to the sign-in page).
    await page.waitForURL((url) => url.origin === stack.identity.issuer || url.pathname === '/sign-in');
    await page.goto(`${web.url}/parent`);
    await page.getByRole('heading', { name: 'Sign in to Rowan' }).waitFor();
    await context.close();
  });

  it('has no serious or critical accessibility violations on any page it visited', () => {
    expect(findings).toEqual([]);
  });
});
