import { startIdentityStandIn } from './identity/identity-stand-in';
import { demoWondeSchools } from './wonde/demo-wonde-schools';
import { startWondeStandIn } from './wonde/wonde-stand-in';
import { startSesStandIn } from './ses/ses-stand-in';
import { SANDBOX_STRIPE, startStripeStandIn } from './stripe/stripe-stand-in';
import { SANDBOX_TWILIO, startTwilioStandIn } from './twilio/twilio-stand-in';

/**
 * The sandbox process for the demo and end-to-end runs: every vendor stand-in on its own loopback port.
 * Each stand-in is one `start...()` call returning something with `close()`.
 */

interface RunningStandIn {
  readonly name: string;
  readonly url: string;
  close(): Promise<void>;
}

const env = (name: string, fallback: string): string => process.env[name] || fallback;

async function main(): Promise<void> {
  const host = env('SANDBOX_HOST', '127.0.0.1');
  const running: RunningStandIn[] = [];

  const identity = await startIdentityStandIn({
    host,
    port: Number(env('SANDBOX_IDENTITY_PORT', '4010')),
    applicationId: env('OIDC_AUDIENCE', '3c219e58-ed0e-4b18-ad48-f4f92793ae32'),
    webOrigin: env('WEB_ORIGIN', 'http://127.0.0.1:5173'),
    apiKey: env('FUSIONAUTH_API_KEY', 'sandbox-api-key'),
    tenantId: env('FUSIONAUTH_TENANT_ID', '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b'),
    ...(process.env.SANDBOX_IDENTITY_KEY_FILE ? { keyFile: process.env.SANDBOX_IDENTITY_KEY_FILE } : {}),
  });
  running.push({ name: 'identity (FusionAuth)', url: identity.issuer, close: () => identity.close() });

  const wondeSchools = demoWondeSchools(env('SANDBOX_WONDE_TOKEN', 'sandbox-wonde-token'));
  const wonde = await startWondeStandIn({
    host,
    port: Number(env('SANDBOX_WONDE_PORT', '4011')),
    schools: wondeSchools,
  });
  const wondeName = `Wonde (${wondeSchools.map((school) => `${school.id} ${school.name}`).join(', ')})`;
  running.push({ name: wondeName, url: wonde.url, close: () => wonde.close() });

  const twilioStandIn = await startTwilioStandIn({
    host,
    port: Number(env('SANDBOX_TWILIO_PORT', '4012')),
    accountSid: env('TWILIO_ACCOUNT_SID', SANDBOX_TWILIO.accountSid),
    authToken: env('TWILIO_AUTH_TOKEN', SANDBOX_TWILIO.authToken),
    inboundUrl: `${env('PUBLIC_API_URL', 'http://127.0.0.1:3000')}/api/v1/webhooks/twilio/inbound`,
  });
  running.push({
    name: 'Twilio (sent SMS at /sandbox/twilio)',
    url: twilioStandIn.url,
    close: () => twilioStandIn.close(),
  });

  const ses = await startSesStandIn({
    host,
    port: Number(env('SANDBOX_SES_PORT', '4013')),
    ...(process.env.SES_EVENTS_URL
      ? {
          eventsTarget: {
            url: process.env.SES_EVENTS_URL,
            username: env('SES_EVENTS_USERNAME', 'ses-events'),
            password: env('SES_EVENTS_PASSWORD', 'sandbox-ses-events-password'),
          },
        }
      : {}),
  });
  running.push({ name: 'SES (sent email at /sandbox/ses)', url: ses.url, close: () => ses.close() });

  const stripe = await startStripeStandIn({
    host,
    port: Number(env('SANDBOX_STRIPE_PORT', String(SANDBOX_STRIPE.port))),
    secretKey: env('STRIPE_SECRET_KEY', SANDBOX_STRIPE.secretKey),
    webhookSecret: env('STRIPE_WEBHOOK_SECRET', SANDBOX_STRIPE.webhookSecret),
    webhookUrl: `${env('PUBLIC_API_URL', 'http://127.0.0.1:3000')}/api/v1/webhooks/stripe`,
  });
  running.push({
    name: 'Stripe (payments and webhooks at /sandbox/stripe)',
    url: stripe.url,
    close: () => stripe.close(),
  });

  for (const standIn of running) {
    console.log(`sandbox: ${standIn.name} listening on ${standIn.url}`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`sandbox: ${signal} received, closing`);
    Promise.all(running.map((standIn) => standIn.close())).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('sandbox: failed to start', error);
  process.exit(1);
});
