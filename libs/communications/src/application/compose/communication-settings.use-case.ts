import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { CommunicationSettingsStore, type CommunicationSettings } from '../ports/communication-settings';

/** The school's sending rules as they apply now (defaults until the school sets its own). */
@Injectable()
export class GetCommunicationSettingsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly settings: CommunicationSettingsStore,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId }): Promise<CommunicationSettings> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:read');
    return this.settings.forSchool(school.id);
  }
}

/**
 * A school admin sets the school's sending rules: the unread-app fallback delay, quiet hours, the monthly SMS
 * budget, the approval threshold and the price of an SMS segment. Audited with before and after.
 */
@Injectable()
export class UpdateCommunicationSettingsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly settings: CommunicationSettingsStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    settings: Omit<CommunicationSettings, 'trustSmsBudgetPence'>;
  }): Promise<CommunicationSettings> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:settings');
    const before = await this.settings.forSchool(school.id);
    await this.uow.transaction(async () => {
      await this.settings.save(school.id, input.settings, this.clock.now());
      this.audit.record(input.actor.userId, {
        action: 'communications.settings_changed',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'school',
        targetId: school.id,
        summary: `Changed the messaging settings of ${school.name}`,
        before: { ...before },
        after: { ...input.settings },
      });
    });
    return this.settings.forSchool(school.id);
  }
}
