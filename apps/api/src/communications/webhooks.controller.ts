import {
  BadRequestException,
  ConflictException,
  Controller,
  Headers,
  HttpCode,
  Logger,
  Post,
  Query,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ApiConfig } from '@rowan/adapters/config/config';
import { readSesNotification } from '@rowan/adapters/ses/ses-events';
import { isSignedByTwilio, twilioStatusEvent } from '@rowan/adapters/twilio/twilio-webhooks';
import { RecordDeliveryEventUseCase, RecordSmsReplyUseCase } from '@rowan/communications';
import { InvalidWebhookSignature, RecordPaymentEventUseCase } from '@rowan/events';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/decorators';

/**
 * Provider callbacks: Twilio message status and inbound replies (X-Twilio-Signature checked against the exact
 * public URL), and SES events through SNS (HTTP basic auth on the subscription URL). Unsigned or wrongly signed
 * calls are refused and change nothing.
 */
@ApiExcludeController()
@Controller('api/v1/webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly config: ApiConfig,
    private readonly recordEvent: RecordDeliveryEventUseCase,
    private readonly recordReply: RecordSmsReplyUseCase,
    private readonly recordPayment: RecordPaymentEventUseCase,
  ) {}

  /**
   * Stripe's events, signature checked over the exact bytes received. Answers 200 once acted on (or seen
   * before), 400 for a bad signature (nothing changes), and 5xx when something failed, so Stripe retries.
   */
  @Public()
  @Post('stripe')
  @HttpCode(200)
  async stripeEvents(
    @Req() req: FastifyRequest & { rawBody?: Buffer },
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; outcome: string }> {
    if (!signature || !req.rawBody) {
      throw new BadRequestException('A Stripe-Signature header and a body are needed');
    }
    try {
      const outcome = await this.recordPayment.execute({ rawBody: req.rawBody, signature });
      if (outcome === 'not_ready') {
        // About a payment whose own event has not arrived yet: Stripe retries this one later.
        throw new ConflictException('The payment this event is about is not recorded yet');
      }
      return { received: true, outcome };
    } catch (error) {
      if (error instanceof InvalidWebhookSignature) {
        throw new BadRequestException(error.message);
      }
      throw error;
    }
  }

  @Public()
  @Post('twilio/status')
  @HttpCode(204)
  async twilioStatus(
    @Req() req: FastifyRequest,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Query('delivery') deliveryId: string | undefined,
  ): Promise<void> {
    const params = this.signedForm(req, signature);
    const event = twilioStatusEvent(params, deliveryId ?? null);
    if (event) {
      await this.recordEvent.execute(event);
    }
  }

  @Public()
  @Post('twilio/inbound')
  @HttpCode(204)
  async twilioInbound(
    @Req() req: FastifyRequest,
    @Headers('x-twilio-signature') signature: string | undefined,
  ): Promise<void> {
    const params = this.signedForm(req, signature);
    if (params.From && params.Body !== undefined) {
      await this.recordReply.execute({ from: params.From, body: params.Body });
    }
  }

  @Public()
  @Post('ses')
  @HttpCode(204)
  async sesEvents(
    @Req() req: FastifyRequest,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    if (!this.isSesSubscriber(authorization)) {
      throw new UnauthorizedException('SES event notifications must sign in');
    }
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? {});
    const notification = readSesNotification(body);
    if (notification.kind === 'subscription') {
      // Confirming means fetching the URL SNS gave, which must be Amazon's.
      if (new URL(notification.confirmUrl).hostname.endsWith('.amazonaws.com')) {
        await fetch(notification.confirmUrl);
      }
      return;
    }
    if (notification.kind === 'unreadable') {
      this.logger.warn('An SES notification could not be read; ignored');
      return;
    }
    if (notification.event) {
      await this.recordEvent.execute(notification.event);
    }
  }

  private signedForm(req: FastifyRequest, signature: string | undefined): Record<string, string> {
    const params = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    const url = `${this.config.PUBLIC_API_URL.replace(/\/$/, '')}${req.url}`;
    if (!isSignedByTwilio(this.config.TWILIO_AUTH_TOKEN, signature, url, params)) {
      throw new UnauthorizedException('The X-Twilio-Signature does not match');
    }
    return params;
  }

  private isSesSubscriber(authorization: string | undefined): boolean {
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${this.config.SES_EVENTS_USERNAME}:${this.config.SES_EVENTS_PASSWORD}`).toString('base64')}`,
    );
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
