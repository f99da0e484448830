import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@rowan/kernel';
import { isUrgent } from '../../domain/channel';
import type { Delivery } from '../../domain/delivery';
import { fallbackChannel, reachableChannels } from '../../domain/recipient';
import { renderSms } from '../../domain/render';
import { smsSegments } from '../../domain/sms-segments';
import { AudienceDirectory } from '../ports/audience-directory';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { DispatchJobs } from '../ports/dispatch-jobs';
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

  async after(delivery: Delivery): Promise<Delivery['channel'] | null> {
    const message = await this.messages.findById(delivery.messageId);
    const recipient = await this.ledger.recipient(delivery.recipientId);
    if (!message || !recipient) {
      return null;
    }
    const tried = (await this.ledger.deliveriesOf(recipient.id)).map((d) => d.channel);
    const optedOut = recipient.mobile
      ? (await this.ledger.optedOut(message.schoolId, [recipient.mobile])).has(recipient.mobile)
      : false;
    const next = fallbackChannel(message.policy, reachableChannels(recipient, optedOut), tried);
    if (!next || next === 'app') {
      return null;
    }
    const id = this.ids.next();
    const estimatedSegments =
      next === 'sms'
        ? smsSegments(
            renderSms(message.content, recipient, await this.audiences.schoolName(message.schoolId)) ?? '',
          ).segments
        : undefined;
    await this.ledger.record(
      message.id,
      message.schoolId,
      [],
      [
        {
          id,
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
    if (stored?.state === 'queued') {
      await this.jobs.send([{ id: stored.id, channel: next }], isUrgent(message.policy));
    }
    return next;
  }
}
