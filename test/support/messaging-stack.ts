import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import type { Clock } from '@rowan/kernel';
import { startSesStandIn, startTwilioStandIn, type SesStandIn, type TwilioStandIn } from '@rowan/sandbox';
import { createWorker } from '../../apps/worker/src/create-worker';
import { apiSettings, startApiStack, type ApiStack } from './api-stack';
import { freePort } from './browser';
import { TEST_SES_EVENTS, TEST_TWILIO } from './test-env';

export interface MessagingStack {
  readonly stack: ApiStack;
  readonly worker: INestApplicationContext;
  readonly twilio: TwilioStandIn;
  readonly ses: SesStandIn;
  close(): Promise<void>;
}

/**
 * The real API listening on a port (provider callbacks reach it), the real worker in this process under
 * `clock`, and the sandbox Twilio and SES with their callbacks and events pointed at the API.
 */
export async function startMessagingStack(
  clock: Clock,
  workerSettings: Record<string, string> = { SMS_PER_SECOND: '500', EMAIL_PER_SECOND: '500' },
  apiOverrides: Record<string, string> = {},
): Promise<MessagingStack> {
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const twilio = await startTwilioStandIn({ ...TEST_TWILIO, callbackDelayMs: 10 });
  const ses = await startSesStandIn({
    eventsTarget: { url: `${api}/api/v1/webhooks/ses`, ...TEST_SES_EVENTS },
    eventDelayMs: 10,
  });
  const providers = { PUBLIC_API_URL: api, TWILIO_API_URL: twilio.url, SES_ENDPOINT: ses.url };
  let stack: ApiStack | undefined;
  let worker: INestApplicationContext;
  try {
    stack = await startApiStack({ ...apiOverrides, ...providers }, { listen: true, port });
    worker = await createWorker(
      loadConfig(
        WorkerConfig,
        apiSettings(stack.identity, { ...apiOverrides, ...providers, ...workerSettings }),
      ),
      { schedules: false, clock },
    );
  } catch (error) {
    // Whatever started must stop, or the test run never ends.
    await twilio.close();
    await ses.close();
    await stack?.close();
    throw error;
  }
  return {
    stack,
    worker,
    twilio,
    ses,
    // The stand-ins first: no callback may reach the API while it closes.
    close: async () => {
      await twilio.close();
      await ses.close();
      await worker.close();
      await stack.close();
    },
  };
}
