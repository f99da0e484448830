import type { Clock } from '@rowan/kernel';
import { startStripeStandIn, type StripeStandIn } from '@rowan/sandbox';
import { startMessagingStack, type MessagingStack } from './messaging-stack';
import { TEST_STRIPE } from './test-env';

export interface PaymentsStack extends MessagingStack {
  readonly stripe: StripeStandIn;
}

/**
 * The messaging stack (the API on a port, the worker under `clock`, sandbox Twilio and SES) with the sandbox
 * Stripe: the API's Stripe SDK pointed at it, and its signed webhooks pointed at the API.
 */
export async function startPaymentsStack(clock: Clock): Promise<PaymentsStack> {
  const stripe = await startStripeStandIn({
    secretKey: TEST_STRIPE.secretKey,
    webhookSecret: TEST_STRIPE.webhookSecret,
    webhookRetry: { attempts: 6, backoffMs: 100 },
  });
  const messaging = await startMessagingStack(clock, undefined, {
    STRIPE_API_URL: stripe.url,
    STRIPE_SECRET_KEY: TEST_STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: TEST_STRIPE.webhookSecret,
  });
  stripe.control.setWebhookUrl(`${messaging.stack.config.PUBLIC_API_URL}/api/v1/webhooks/stripe`);
  return {
    ...messaging,
    stripe,
    close: async () => {
      await stripe.close();
      await messaging.close();
    },
  };
}
