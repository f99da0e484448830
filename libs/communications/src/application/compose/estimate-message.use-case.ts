import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import type { MessageEstimate } from '../../domain/message';
import { addressesOf } from '../../domain/recipient';
import { planSend } from '../../domain/render';
import { AudienceResolver } from '../audience/audience-resolver';
import { CommunicationSettingsStore } from '../ports/communication-settings';
import { DeliveryLedger } from '../ports/delivery-ledger';
import type { MessageInput } from './message-input';

/** The composer's live figures: who the audience is, how each would be reached, and what the texts cost. */
@Injectable()
export class EstimateMessageUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly audiences: AudienceResolver,
    private readonly ledger: DeliveryLedger,
    private readonly settings: CommunicationSettingsStore,
  ) {}

  async execute(
    input: MessageInput & { readonly actor: Actor; readonly schoolId: SchoolId },
  ): Promise<MessageEstimate> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:send');
    const recipients = await this.audiences.resolveChecked(school.id, input.audience);
    const blocked = await this.ledger.blocked(school.id, addressesOf(recipients));
    const settings = await this.settings.forSchool(school.id);
    return planSend(recipients, input.policy, input.content, school.name, blocked, settings.smsSegmentPence)
      .estimate;
  }
}
