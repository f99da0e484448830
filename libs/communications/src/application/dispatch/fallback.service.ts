import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import type { Delivery } from '../../domain/delivery';
import type { Message } from '../../domain/message';
import { addressesOf, fallbackChannel, reachableChannels } from '../../domain/recipient';
import { renderSms } from '../../domain/render';
import { smsSegments } from '../../domain/sms-segments';
import { AudienceDirectory } from '../ports/audience-directory';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { DispatchJobs, type QueuedDelivery } from '../ports/dispatch-jobs';
import { MessageRepository } from '../ports/message.repository';

/**
 * When a delivery fails, bounces, is refused (opted out) or stays unread, the recipient gets the message on the
 * next channel they have that has not been tried (cheapest routing only). Idempotent: the new delivery is
 * unique per (recipient, channel).
 */
@Injectable()
export class FallbackService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly ledger: DeliveryLedger,
    private readonly audiences: AudienceDirectory,
    private readonly jobs: DispatchJobs,
    private readonly ids: IdGenerator,
  ) {}

  /** The next channel for one delivery that failed, bounced or was refused; handed to its provider at once. */
  async after(delivery: Delivery): Promise<Delivery['channel'] | null> {
    return (await this.afterAll([delivery]))[0] ?? null;
  }

  /**
   * The next channel for each of these deliveries (unread app messages come by the thousand); the new
   * deliveries go to the send queues together, in batches, not one job each. `unread`: app deliveries past
   * their fallback time, each marked as fallen back just before its next delivery is recorded.
   */
  async afterAll(
    deliveries: readonly Delivery[],
    options: { readonly unread?: boolean } = {},
  ): Promise<Array<Delivery['channel'] | null>> {
    const urgent: QueuedDelivery[] = [];
    const routine: QueuedDelivery[] = [];
    const channels: Array<Delivery['channel'] | null> = [];
    // Unread fallbacks come by the thousand, mostly of a few messages: each message and school name read once.
    const known = new Map<string, Promise<{ message: Message; school: string } | null>>();
    for (const delivery of deliveries) {
      if (options.unread && !(await this.ledger.markFallenBack(delivery.id))) {
        channels.push(null);
        continue;
      }
      const next = await this.next(delivery, known);
      if (next) {
        (next.urgent ? urgent : routine).push(next.queued);
      }
      channels.push(next?.queued.channel ?? null);
    }
    if (urgent.length > 0) {
      await this.jobs.send(urgent, true);
    }
    if (routine.length > 0) {
      await this.jobs.send(routine, false);
    }
    return channels;
  }

  private async next(
    delivery: Delivery,
    known: Map<string, Promise<{ message: Message; school: string } | null>>,
  ): Promise<{ queued: QueuedDelivery; urgent: boolean } | null> {
    if (!known.has(delivery.messageId)) {
      known.set(delivery.messageId, this.messageOf(delivery.messageId));
    }
    const found = await known.get(delivery.messageId)!;
    const recipient = await this.ledger.recipient(delivery.recipientId);
    if (!found || !recipient) {
      return null;
    }
    const { message, school } = found;
    const tried = (await this.ledger.deliveriesOf(recipient.id)).map((d) => d.channel);
    const blocked = await this.ledger.blocked(message.schoolId, addressesOf([recipient]));
    const next = fallbackChannel(message.policy, reachableChannels(recipient, blocked), tried);
    if (!next || next === 'app') {
      return null;
    }
    const estimatedSegments =
      next === 'sms' ? smsSegments(renderSms(message.content, recipient, school) ?? '').segments : undefined;
    await this.ledger.record(
      message.id,
      message.schoolId,
      [],
      [
        {
          id: this.ids.next(),
          recipientId: recipient.id,
          channel: next,
          address: next === 'email' ? recipient.email! : recipient.mobile!,
          state: 'queued',
          fallbackAt: null,
          ...(estimatedSegments !== undefined ? { estimatedSegments } : {}),
        },
      ],
    );
    const stored = (await this.ledger.deliveriesOf(recipient.id)).find((d) => d.channel === next);
    return stored?.state === 'queued'
      ? { queued: { id: stored.id, channel: next }, urgent: isUrgent(message.policy) }
      : null;
  }

  private async messageOf(id: string): Promise<{ message: Message; school: string } | null> {
    const message = await this.messages.findById(id);
    return message ? { message, school: await this.audiences.schoolName(message.schoolId) } : null;
  }
}
