import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { Clock, NotFound, type Page, type PageRequest } from '@rowan/kernel';
import { renderApp } from '../../domain/render';
import { AudienceDirectory } from '../ports/audience-directory';
import { DeliveryLedger, type InboxItem } from '../ports/delivery-ledger';
import { MessageRepository } from '../ports/message.repository';

export interface InboxMessageView {
  readonly id: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly title: string;
  readonly body: string;
  readonly sentAt: Date | null;
  readonly read: boolean;
}

/** A parent's app messages, newest first, in their own words (merge fields filled). */
@Injectable()
export class ListInboxUseCase {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceDirectory,
  ) {}

  async execute(input: { actor: Actor; page: PageRequest }): Promise<Page<InboxMessageView>> {
    const page = await this.ledger.inbox(input.actor.userId, input.page);
    const items = await Promise.all(page.items.map((i) => viewOf(i, this.messages, this.audiences)));
    return { items: items.flatMap((i) => (i ? [i] : [])), nextCursor: page.nextCursor };
  }
}

/** Opening a message in the app reads it: the delivery moves to `read` (so no fallback goes). */
@Injectable()
export class ReadInboxMessageUseCase {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly messages: MessageRepository,
    private readonly audiences: AudienceDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; deliveryId: string }): Promise<InboxMessageView> {
    const item = await this.ledger.inboxItem(input.actor.userId, input.deliveryId);
    const view = item ? await viewOf(item, this.messages, this.audiences) : null;
    if (!item || !view) {
      throw new NotFound('Message', 'COMMUNICATIONS.MESSAGE_NOT_FOUND');
    }
    await this.ledger.move(item.deliveryId, 'read', this.clock.now());
    return { ...view, read: true };
  }
}

async function viewOf(
  item: InboxItem,
  messages: MessageRepository,
  audiences: AudienceDirectory,
): Promise<InboxMessageView | null> {
  const message = await messages.findById(item.messageId);
  if (!message) {
    return null;
  }
  const schoolName = await audiences.schoolName(message.schoolId);
  const app = renderApp(message.content, item.recipient, schoolName);
  return {
    id: item.deliveryId,
    schoolId: message.schoolId,
    schoolName,
    title: app?.title ?? '',
    body: app?.body ?? '',
    sentAt: item.sentAt,
    read: item.state === 'read',
  };
}
