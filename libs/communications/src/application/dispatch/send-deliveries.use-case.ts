import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@rowan/kernel';
import { ProviderUnavailable } from '../../domain/communications.errors';
import type { Delivery } from '../../domain/delivery';
import type { Message } from '../../domain/message';
import { renderEmail, renderSms } from '../../domain/render';
import { AudienceDirectory } from '../ports/audience-directory';
import { DeliveryLedger, type ClaimedDelivery, type SentDelivery } from '../ports/delivery-ledger';
import { MessageRepository } from '../ports/message.repository';
import { EmailSender, SmsSender, type SendOutcome } from '../ports/senders';
import { FallbackService } from './fallback.service';
import { SendSettings } from './send-settings';

export interface SendBatchResult {
  readonly sent: number;
  /** Found already sent by an attempt that died before recording it. */
  readonly recovered: number;
  readonly refused: number;
  /** No longer queued (sent, or moved on by a callback), or of a cancelled message. */
  readonly skipped: number;
}

type Attempt =
  | { readonly kind: 'sent'; readonly sent: SentDelivery; readonly recovered: boolean }
  | { readonly kind: 'refused'; readonly delivery: Delivery; readonly outcome: SendOutcome }
  | { readonly kind: 'transient'; readonly delivery: Delivery; readonly error: unknown };

/**
 * Worker job: hands a batch of email or SMS deliveries to their providers, each once. The batch claims its
 * deliveries in one statement before any call and records what the providers took in one more, so a batch of
 * fifty costs a handful of queries. A delivery an earlier attempt claimed and never finished (the worker died
 * mid-send) is taken over once its claim expires; for SMS the provider is asked first whether the text went
 * (for email, SES's `Send` event has moved it on by then if SES took it). Transient provider trouble gives the
 * deliveries back and fails the job for the queue's back-off, after the rest are recorded; a refusal (bad or
 * opted-out number, rejected address) ends that delivery and falls back to the next channel.
 */
@Injectable()
export class SendDeliveriesUseCase {
  /** Messages being sent, with their school's name: a message cannot change once it is sending. */
  private readonly sending = new Map<string, { message: Message; school: string }>();

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceDirectory,
    private readonly sms: SmsSender,
    private readonly email: EmailSender,
    private readonly fallback: FallbackService,
    private readonly settings: SendSettings,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly deliveryIds: readonly string[] }): Promise<SendBatchResult> {
    const now = this.clock.now();
    const { claimed, busy } = await this.ledger.claim(
      input.deliveryIds,
      now,
      new Date(now.getTime() - this.settings.claimExpiryMs),
    );
    const attempts = await inParallel(claimed, this.settings.parallelCalls, (c) => this.attempt(c));
    const done = attempts.flatMap((a) => (a ? [a] : []));
    const sent = done.flatMap((a) => (a.kind === 'sent' ? [a.sent] : []));
    if (sent.length > 0) {
      await this.ledger.settleSent(sent, this.clock.now());
    }
    const refused = done.flatMap((a) => (a.kind === 'refused' ? [a] : []));
    for (const r of refused) {
      await this.refuse(r.delivery, r.outcome);
    }
    const transient = done.flatMap((a) => (a.kind === 'transient' ? [a] : []));
    if (transient.length > 0) {
      await this.ledger.release(transient.map((t) => t.delivery.id));
      const first = transient[0]!.error;
      if (first instanceof DomainError && !first.transient) {
        throw first;
      }
      throw new ProviderUnavailable(
        `${transient.length} of ${input.deliveryIds.length} deliveries could not be handed over: ${String(first)}`,
      );
    }
    if (busy > 0) {
      // Held by an attempt that may be dead: try again once its claim may have expired.
      throw new ProviderUnavailable(`${busy} deliveries are being sent by another attempt`);
    }
    return {
      sent: done.filter((a) => a.kind === 'sent' && !a.recovered).length,
      recovered: done.filter((a) => a.kind === 'sent' && a.recovered).length,
      refused: refused.length,
      skipped: input.deliveryIds.length - done.length,
    };
  }

  /** One provider call (or, after a dead attempt, the provider's record of it); null for a cancelled message. */
  private async attempt({ delivery, recipient, again }: ClaimedDelivery): Promise<Attempt | null> {
    const known = await this.messageOf(delivery.messageId);
    if (!known) {
      return null;
    }
    const { message, school } = known;
    try {
      if (delivery.channel === 'sms') {
        const body = renderSms(message.content, recipient, school) ?? '';
        if (again) {
          const since = new Date(delivery.queuedAt.getTime() - 60_000);
          const earlier = await this.sms.findSent(delivery.address, body, since);
          if (earlier) {
            return { kind: 'sent', sent: { id: delivery.id, providerRef: earlier }, recovered: true };
          }
        }
        return this.outcome(
          delivery,
          await this.sms.send({ to: delivery.address, body, reference: delivery.id }),
        );
      }
      const email = renderEmail(message.content, recipient, school)!;
      return this.outcome(
        delivery,
        await this.email.send({ to: delivery.address, fromName: school, ...email, reference: delivery.id }),
      );
    } catch (error) {
      return { kind: 'transient', delivery, error };
    }
  }

  private outcome(delivery: Delivery, outcome: SendOutcome): Attempt {
    return outcome.outcome === 'sent'
      ? {
          kind: 'sent',
          sent: {
            id: delivery.id,
            providerRef: outcome.providerRef,
            ...(outcome.segments !== undefined ? { segments: outcome.segments } : {}),
          },
          recovered: false,
        }
      : { kind: 'refused', delivery, outcome };
  }

  private async refuse(delivery: Delivery, outcome: SendOutcome): Promise<void> {
    if (outcome.outcome === 'sent') {
      return;
    }
    const now = this.clock.now();
    if (outcome.outcome === 'opted_out') {
      await this.ledger.recordOptOut(delivery.address, now);
    }
    const state = outcome.outcome === 'opted_out' ? 'opted_out' : 'failed';
    if (await this.ledger.move(delivery.id, state, now, { errorCode: outcome.code })) {
      await this.fallback.after(delivery);
    }
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
}

/** Maps `items` through `work`, at most `limit` at a time, keeping their order. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
