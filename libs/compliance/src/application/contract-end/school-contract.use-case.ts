import { Injectable } from '@nestjs/common';
import { AuditTrail, authorize, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import {
  Clock,
  NotFound,
  UnitOfWork,
  type Page,
  type PageRequest,
  type SchoolId,
  type TrustId,
} from '@rowan/kernel';
import { ContractEndInvalid, DestructionStarted, NoContractEnd } from '../../domain/compliance.errors';
import { destroyOn, utcDay } from '../../domain/retention';
import { ComplianceStore, type SchoolContract, type SchoolDeletion } from '../ports/compliance.store';

/**
 * A trust records that a school's contract ends (and so that its data is destroyed 30 days later), reads it,
 * and withdraws it while the 30 days run.
 */
@Injectable()
export class SchoolContractUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly store: ComplianceStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async read(input: { actor: Actor; schoolId: SchoolId }): Promise<SchoolContract | null> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'schools:read');
    return this.store.contract(school.id);
  }

  async end(input: { actor: Actor; schoolId: SchoolId; endsOn: string }): Promise<SchoolContract> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'contracts:manage');
    let destroyDay: string;
    try {
      destroyDay = destroyOn(input.endsOn);
    } catch {
      throw ContractEndInvalid('a calendar date, YYYY-MM-DD');
    }
    const now = this.clock.now();
    if (destroyDay <= utcDay(now)) {
      throw ContractEndInvalid(
        'the school’s data would be destroyed at once: a contract end must leave the 30 days’ notice',
      );
    }
    if (await this.store.deletionOf(school.id)) {
      throw DestructionStarted();
    }
    const before = await this.store.contract(school.id);
    const contract: SchoolContract = {
      schoolId: school.id,
      trustId: school.trustId,
      endsOn: input.endsOn,
      destroyOn: destroyDay,
      recordedBy: input.actor.userId,
      recordedAt: now,
    };
    await this.uow.transaction(async () => {
      await this.store.saveContract(contract);
      this.audit.record(input.actor.userId, {
        action: 'contract.end_recorded',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'school',
        targetId: school.id,
        summary: `Recorded that ${school.name}’s contract ends on ${input.endsOn}; its data will be destroyed on ${destroyDay}`,
        ...(before ? { before: { endsOn: before.endsOn } } : {}),
        after: { endsOn: contract.endsOn, destroyOn: contract.destroyOn },
      });
    });
    return contract;
  }

  async withdraw(input: { actor: Actor; schoolId: SchoolId }): Promise<void> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'contracts:manage');
    if (await this.store.deletionOf(school.id)) {
      throw DestructionStarted();
    }
    const before = await this.store.contract(school.id);
    if (!before) {
      throw NoContractEnd();
    }
    await this.uow.transaction(async () => {
      await this.store.withdrawContract(school.id);
      this.audit.record(input.actor.userId, {
        action: 'contract.end_withdrawn',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'school',
        targetId: school.id,
        summary: `Withdrew the termination of ${school.name}’s contract; its data will be kept`,
        before: { endsOn: before.endsOn, destroyOn: before.destroyOn },
      });
    });
  }

  /** The trust's record of schools whose data was destroyed. */
  async deletions(input: {
    actor: Actor;
    trustId: TrustId;
    page: PageRequest;
  }): Promise<Page<SchoolDeletion>> {
    const trust = await this.catalogue.trust(input.trustId);
    if (!trust) {
      throw new NotFound('Trust');
    }
    authorize(input.actor, 'contracts:manage', { trustId: trust.id }, 'Trust');
    return this.store.deletions(trust.id, input.page);
  }
}
