import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import type { Channel } from '../../domain/channel';
import { isDeadEnd, type DeliveryState } from '../../domain/delivery';
import { DeliveryLedger } from '../ports/delivery-ledger';
import { FallbackService } from './fallback.service';

/** A provider's news about a delivery, already verified and translated into our states by the adapter. */
export interface DeliveryEvent {
  /** Our delivery id, when the provider echoes it back (callback URL, message tag). */
  readonly deliveryId: string | null;
  readonly channel: Exclude<Channel, 'app'>;
  readonly providerRef: string;
  readonly state: DeliveryState;
  readonly errorCode?: string;
  /** The provider's time of the event, when it gives one. */
  readonly at?: Date;
  /** An email address never to send to again: the recipient complained, or the address bounced for good. */
  readonly suppress?: { readonly address: string; readonly reason: 'complaint' | 'bounce' };
}

export type DeliveryEventResult = 'moved' | 'ignored' | 'unknown';

/**
 * Moves the ledger on a provider callback. Late, repeated or out-of-order events never move a delivery
 * backwards; a delivery that fails or bounces falls back to the next channel.
 */
@Injectable()
export class RecordDeliveryEventUseCase {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly fallback: FallbackService,
    private readonly clock: Clock,
  ) {}

  async execute(event: DeliveryEvent): Promise<DeliveryEventResult> {
    if (event.suppress) {
      await this.ledger.suppressEmail(event.suppress.address, event.suppress.reason, this.clock.now());
    }
    const found = await this.ledger.moveOnEvent({
      deliveryId: event.deliveryId,
      channel: event.channel,
      providerRef: event.providerRef,
      to: event.state,
      at: event.at ?? this.clock.now(),
      ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}),
    });
    if (!found) {
      return 'unknown';
    }
    if (found.moved && isDeadEnd(event.state)) {
      await this.fallback.after(found.delivery);
    }
    return found.moved ? 'moved' : 'ignored';
  }
}

/** An SMS reply: STOP (and its synonyms) opts the number out of texts; START opts it back in. */
@Injectable()
export class RecordSmsReplyUseCase {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    readonly from: string;
    readonly body: string;
  }): Promise<'opted_out' | 'opted_in' | 'ignored'> {
    const word = input.body.trim().toUpperCase();
    if (['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'].includes(word)) {
      await this.ledger.recordOptOut(input.from, this.clock.now());
      return 'opted_out';
    }
    if (['START', 'UNSTOP', 'YES'].includes(word)) {
      await this.ledger.recordOptOut(input.from, this.clock.now(), true);
      return 'opted_in';
    }
    return 'ignored';
  }
}
