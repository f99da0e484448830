import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { startSesStandIn, startTwilioStandIn, type SesStandIn, type TwilioStandIn } from '@rowan/sandbox';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { insertFamilies } from '../../scripts/lib/bulk-families';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { freePort } from '../support/browser';
import { eventually } from '../support/eventually';
import { TEST_SES_EVENTS, TEST_TWILIO } from '../support/test-env';

const RECIPIENTS = 10_000;

/**
 * The worker is killed (SIGKILL, no chance to tidy up) in the middle of a 10,000-recipient send, then started
 * again. The sandbox providers' records must then hold exactly one message per recipient on the channel chosen
 * for them: nothing lost, nothing sent twice, though some provider calls were in flight when the process died.
 */
describe('messages: a worker killed mid-send loses nothing and sends nothing twice', () => {
  let stack: ApiStack;
  let twilio: TwilioStandIn;
  let ses: SesStandIn;
  let env: NodeJS.ProcessEnv;
  let worker: ChildProcess | null = null;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    twilio = await startTwilioStandIn({ ...TEST_TWILIO, callbackDelayMs: 20 });
    ses = await startSesStandIn({
      eventsTarget: { url: `${api}/api/v1/webhooks/ses`, ...TEST_SES_EVENTS },
      eventDelayMs: 20,
    });
    // Each call takes a little while, so that the kill lands with calls in flight.
    twilio.control.latency(15);
    const providers = {
      PUBLIC_API_URL: api,
      TWILIO_API_URL: twilio.url,
      SES_ENDPOINT: ses.url,
      SMS_PER_SECOND: '2000',
      EMAIL_PER_SECOND: '2000',
      // A claim is taken over only after the provider's record of a send that went (SES's Send event, Twilio's
      // message) has had time to arrive; on a loaded machine 10 s was sometimes too short for thousands of
      // events (production waits 120 s).
      SEND_CLAIM_EXPIRY_SECONDS: '30',
    };
    stack = await startApiStack(providers, { listen: true, port });
    env = {
      ...process.env,
      NODE_OPTIONS: '',
      ...apiSettings(stack.identity, providers),
      LOG_LEVEL: 'warn',
    };
    loadConfig(WorkerConfig, env); // the worker's settings are valid (a typo would only show as a timeout)
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await twilio?.close();
    await ses?.close();
    await stack?.close();
  }, 30_000);

  const startWorker = () => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/apps/worker/src/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return child;
  };

  it('leaves every recipient with exactly one message on their channel after a SIGKILL and a restart', async () => {
    const school = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(school, { quietHours: null });
    const { user } = await stack.make.member('office', { school });
    const office = await stack.token({ userId: user.identitySubject!, email: user.email });
    const families = await insertFamilies(stack.orm.em.fork().getConnection(), school.id, RECIPIENTS, {
      ncYear: 4,
      hasEmail: (i) => i % 5 < 3,
      tag: school.id.slice(-8),
    });

    worker = startWorker();
    const sent = await stack
      .http()
      .post(`/api/v1/schools/${school.id}/messages`)
      .set('authorization', `Bearer ${office}`)
      .send({
        audience: { kind: 'contacts', ncYears: [4] },
        content: {
          app: { title: 'Sports day', body: 'Sports day for {{children}} is on Friday.' },
          email: { subject: 'Sports day', html: '<p>Dear {{forename}}</p>', text: 'Dear {{forename}}' },
          sms: { text: 'Dear {{forename}}, sports day for {{children}} is on Friday.' },
        },
        policy: 'cheapest',
      });
    expect({ status: sent.status, body: sent.status === 201 ? null : sent.body }).toEqual({
      status: 201,
      body: null,
    });

    // Kill it once a fair share has gone, with calls in flight.
    const handed = () => twilio.messages().length + ses.emails().length;
    await eventually(async () => (handed() >= RECIPIENTS / 5 ? true : undefined), 60_000, 5);
    worker.kill('SIGKILL');
    const killedAt = new Date().toISOString();
    await new Promise((resolve) => worker!.once('exit', resolve));
    const atKill = handed();
    expect(atKill).toBeLessThan(RECIPIENTS);

    worker = startWorker();
    // BullMQ finds the dead worker's jobs stalled once their locks lapse (15 s), and the claims expire (10 s).
    await eventually(
      async () => {
        const [row] = await stack.orm.em
          .fork()
          .getConnection()
          .execute<Array<{ queued: number; total: number }>>(
            "select count(*) as total, sum(state = 'queued') as queued from deliveries where message_id = ? and channel <> 'app'",
            [sent.body.id],
          );
        return Number(row?.total) === RECIPIENTS && Number(row?.queued) === 0 ? true : undefined;
      },
      150_000,
      250,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; worker output:\n${output.slice(-3000)}`);
    });

    const texts = new Map<string, number>();
    twilio.messages().forEach((m) => texts.set(m.to, (texts.get(m.to) ?? 0) + 1));
    const emails = new Map<string, number>();
    ses.emails().forEach((e) => e.to.forEach((to) => emails.set(to, (emails.get(to) ?? 0) + 1)));
    const wrong = families.filter((f) => (f.email ? emails.get(f.email) : texts.get(f.mobile!)) !== 1);
    const detail = await Promise.all(
      wrong.slice(0, 5).map(async (f) => ({
        address: f.email ?? f.mobile,
        recorded: f.email
          ? ses
              .emails()
              .filter((e) => e.to.includes(f.email!))
              .map((e) => e.at)
          : twilio
              .messages()
              .filter((m) => m.to === f.mobile)
              .map((m) => m.at),
        killedAt,
        ledger: await stack.orm.em
          .fork()
          .getConnection()
          .execute('select state, attempts, claimed_at, provider_ref from deliveries where address = ?', [
            f.email ?? f.mobile,
          ]),
      })),
    );
    expect({ wrong: detail, count: wrong.length }).toEqual({ wrong: [], count: 0 });
    expect(twilio.messages()).toHaveLength(families.filter((f) => f.mobile).length);
    expect(ses.emails()).toHaveLength(families.filter((f) => f.email).length);
    expect(handed()).toBeGreaterThan(atKill);
  }, 240_000);
});
