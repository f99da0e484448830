import { createInterface } from 'node:readline';
import { startSesStandIn, startTwilioStandIn } from '@rowan/sandbox';

/**
 * Child process for bench/fanout: the sandbox Twilio and SES, answering at once, on a core of their own (the
 * providers are other machines in production). Prints their URLs; answers `count` on stdin with what they
 * recorded; closes on SIGTERM.
 */
async function main(): Promise<void> {
  const twilio = await startTwilioStandIn({
    accountSid: 'AC00000000000000000000000000000001',
    authToken: 'bench-twilio-token',
    callbackDelayMs: 3_600_000,
  });
  const ses = await startSesStandIn();
  process.stdout.write(`${JSON.stringify({ twilio: twilio.url, ses: ses.url })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'count') {
      const sms = twilio.messages();
      const segments = sms.reduce((sum, m) => sum + m.segments, 0);
      process.stdout.write(`${JSON.stringify({ sms: sms.length, segments, emails: ses.emails().length })}\n`);
    }
  });
  process.on('SIGTERM', () => void Promise.all([twilio.close(), ses.close()]).then(() => process.exit(0)));
}

void main();
