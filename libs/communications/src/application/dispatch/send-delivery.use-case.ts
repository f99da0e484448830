import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import type { Delivery } from '../../domain/delivery';
import type { Message } from '../../domain/message';
import { renderEmail, renderSms } from '../../domain/render';
import { AudienceDirectory } from '../ports/audience-directory';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { MessageRepository } from '../ports/message.repository';
import { EmailSender, SmsSender, type SendOutcome } from '../ports/senders';
import { FallbackService } from './fallback.service';

export type SendResult =
  | { readonly status: 'sent' | 'recovered' | 'refused' }
  | { readonly status: 'skipped'; readonly reason: 'unknown' | 'not_queued' | 'cancelled' };

/**
 * Worker job: hands one email or SMS delivery to its provider, once. The delivery is claimed before the call;
 * a claim found from an earlier attempt means that attempt died mid-send, so for SMS the provider is asked
 * whether the text already went before sending it again. Transient provider trouble is thrown for the queue's
 * back-off; a refusal (bad or opted-out number, rejected address) ends the delivery and falls back.
 */
@Injectable()
export class SendDeliveryUseCase {
  /**
   * Messages being sent, with their school's name: a message cannot change once it is sending, and a fan-out
   * sends thousands of deliveries of the same one.
   */
  private readonly sending = new Map<string, { message: Message; school: string }>();

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceDirectory,
    private readonly sms: SmsSender,
    private readonly email: EmailSender,
    private readonly fallback: FallbackService,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly deliveryId: string }): Promise<SendResult> {
    const delivery = await this.ledger.findById(input.deliveryId);
    if (!delivery || delivery.channel === 'app') {
      return { status: 'skipped', reason: 'unknown' };
    }
    const known = await this.messageOf(delivery.messageId);
    const recipient = await this.ledger.recipient(delivery.recipientId);
    if (!known || !recipient) {
      return { status: 'skipped', reason: 'cancelled' };
    }
    const { message, school } = known;
    const claimedAt = this.clock.now();
    const claim = await this.ledger.claim(delivery.id, claimedAt);
    if (claim === 'done') {
      return { status: 'skipped', reason: 'not_queued' };
    }
    if (delivery.channel === 'sms') {
      const body = renderSms(message.content, recipient, school) ?? '';
      if (claim === 'again') {
        const earlier = await this.sms.findSent(
          delivery.address,
          body,
          new Date(delivery.queuedAt.getTime() - 60_000),
        );
        if (earlier) {
          await this.ledger.move(delivery.id, 'sent', this.clock.now(), { providerRef: earlier });
          return { status: 'recovered' };
        }
      }
      return this.settle(
        delivery,
        await this.sms.send({ to: delivery.address, body, reference: delivery.id }),
      );
    }
    const email = renderEmail(message.content, recipient, school)!;
    return this.settle(
      delivery,
      await this.email.send({ to: delivery.address, fromName: school, ...email, reference: delivery.id }),
    );
  }

  private async messageOf(id: string): Promise<{ message: Message; school: string } | null> {
    const cached = this.sending.get(id);
    if (cached) {
      return cached;
    }
    const message = await this.messages.findById(id);
    if (!message || message.status === 'cancelled') {
      return null;
    }
    const found = { message, school: await this.audiences.schoolName(message.schoolId) };
    if (message.status === 'sending' || message.status === 'sent') {
      if (this.sending.size >= 50) {
        this.sending.delete(this.sending.keys().next().value!);
      }
      this.sending.set(id, found);
    }
    return found;
  }

  private async settle(delivery: Delivery, outcome: SendOutcome): Promise<SendResult> {
    const now = this.clock.now();
    if (outcome.outcome === 'sent') {
      await this.ledger.move(delivery.id, 'sent', now, {
        providerRef: outcome.providerRef,
        ...(outcome.segments !== undefined ? { segments: outcome.segments } : {}),
      });
      return { status: 'sent' };
    }
    if (outcome.outcome === 'opted_out') {
      await this.ledger.recordOptOut(delivery.address, now);
    }
    const state = outcome.outcome === 'opted_out' ? 'opted_out' : 'failed';
    if (await this.ledger.move(delivery.id, state, now, { errorCode: outcome.code })) {
      await this.fallback.after(delivery);
    }
    return { status: 'refused' };
  }
}
