import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import { toMessageView, type MessageView } from '../compose/message.view';
import {
  DeliveryLedger,
  type DeliveryRecord,
  type ProgressCounts,
  type UnreachedRecipient,
} from '../ports/delivery-ledger';
import { MessageRepository } from '../ports/message.repository';
import { messageFor } from '../school-scope';

export interface MessageProgressView extends MessageView {
  /** Deliveries by channel and state, live. */
  readonly progress: ProgressCounts;
}

@Injectable()
export class ListMessagesUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; page: PageRequest }): Promise<Page<MessageView>> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:read');
    const page = await this.messages.listForSchool(school.id, input.page);
    return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
  }
}

@Injectable()
export class GetMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
    private readonly ledger: DeliveryLedger,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    messageId: string;
  }): Promise<MessageProgressView> {
    const { message } = await messageFor(this.catalogue, this.messages, input.actor, input, 'messages:read');
    return { ...toMessageView(message), progress: await this.ledger.progress(message.id) };
  }
}

/** The recipients a message has not reached, and why, for the office to act on. */
@Injectable()
export class ListUnreachedUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
    private readonly ledger: DeliveryLedger,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    messageId: string;
    page: PageRequest;
  }): Promise<Page<UnreachedRecipient>> {
    const { message } = await messageFor(this.catalogue, this.messages, input.actor, input, 'messages:read');
    return this.ledger.unreached(message.id, input.page);
  }
}

/** Every delivery of a message, with its state, provider reference and error: for the office and for integrators. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly messages: MessageRepository,
    private readonly ledger: DeliveryLedger,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    messageId: string;
    page: PageRequest;
  }): Promise<Page<DeliveryRecord>> {
    const { message } = await messageFor(this.catalogue, this.messages, input.actor, input, 'messages:read');
    return this.ledger.deliveries(message.id, input.page);
  }
}
