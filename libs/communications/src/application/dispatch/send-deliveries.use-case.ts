import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@rowan/kernel';
import { ProviderUnavailable } from '../../domain/communications.errors';
import type { Delivery } from '../../domain/delivery';
import type { Message } from '../../domain/message';
import { mergeValues } from '../../domain/merge-fields';
import { renderSms } from '../../domain/render';
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
    // Texts go one call each; emails of one message go together, one bulk call per provider's limit.
    const texts = claimed.filter((c) => c.delivery.channel === 'sms').map((c) => [c]);
    const emails = [
      ...groupBy(
        claimed.filter((c) => c.delivery.channel === 'email'),
        (c) => c.delivery.messageId,
      ).values(),
    ].flatMap((group) => chunk(group, this.email.bulkLimit));
    const attempts = await inParallel([...texts, ...emails], this.settings.parallelCalls, (unit) =>
      unit[0]!.delivery.channel === 'sms' ? this.attemptSms(unit[0]!) : this.attemptEmails(unit),
    );
    const done = attempts.flat();
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

  /** One text (or, after a dead attempt, Twilio's record of it); nothing for a cancelled message. */
  private async attemptSms({ delivery, recipient, again }: ClaimedDelivery): Promise<Attempt[]> {
    const known = await this.messageOf(delivery.messageId);
    if (!known) {
      return [];
    }
    const { message, school } = known;
    try {
      const body = renderSms(message.content, recipient, school) ?? '';
      if (again) {
        const since = new Date(delivery.queuedAt.getTime() - 60_000);
        const earlier = await this.sms.findSent(delivery.address, body, since);
        if (earlier) {
          return [{ kind: 'sent', sent: { id: delivery.id, providerRef: earlier }, recovered: true }];
        }
      }
      return [
        this.outcome(delivery, await this.sms.send({ to: delivery.address, body, reference: delivery.id })),
      ];
    } catch (error) {
      return [{ kind: 'transient', delivery, error }];
    }
  }

  /**
   * Emails of one message in one bulk call, each recipient with their own merge fields. (After a dead attempt
   * there is nothing to ask SES: its `Send` event has moved a delivery SES took on before the claim expired.)
   */
  private async attemptEmails(unit: readonly ClaimedDelivery[]): Promise<Attempt[]> {
    const known = await this.messageOf(unit[0]!.delivery.messageId);
    const content = known?.message.content.email;
    if (!known || !content) {
      return [];
    }
    try {
      const outcomes = await this.email.sendBulk({
        fromName: known.school,
        subject: content.subject,
        html: content.html,
        text: content.text,
        entries: unit.map(({ delivery, recipient }) => ({
          to: delivery.address,
          reference: delivery.id,
          fields: mergeValues(recipient, known.school),
        })),
      });
      return unit.map(({ delivery }, i) => {
        const outcome = outcomes[i]!;
        return outcome.outcome === 'retry'
          ? { kind: 'transient', delivery, error: new ProviderUnavailable(outcome.reason) }
          : this.outcome(delivery, outcome);
      });
    } catch (error) {
      return unit.map(({ delivery }) => ({ kind: 'transient', delivery, error }));
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  items.forEach((item) => groups.set(key(item), [...(groups.get(key(item)) ?? []), item]));
  return groups;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
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
