import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { utcDay } from '../../domain/retention';
import {
  ComplianceStore,
  IdentityForgetting,
  SchoolDataEraser,
  type SchoolDeletion,
} from '../ports/compliance.store';

/** Rows deleted per transaction: small enough not to hold locks for long, large enough to finish. */
export const ERASE_CHUNK = 2_000;

/**
 * Thirty days after a school's contract ended: destroys all of its data, leaving the trust a deletion record
 * (what, when, how many rows of each table). Re-checks that the termination still stands; resumable and
 * idempotent: a run after a crash continues, a run after the end does nothing.
 */
@Injectable()
export class DestroySchoolDataUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly store: ComplianceStore,
    private readonly eraser: SchoolDataEraser,
    private readonly identities: IdentityForgetting,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { schoolId: SchoolId }): Promise<SchoolDeletion | null> {
    const deletion = (await this.store.deletionOf(input.schoolId)) ?? (await this.start(input.schoolId));
    if (!deletion || deletion.finishedAt) {
      return deletion;
    }
    for (;;) {
      const erased = await this.uow.transaction(async () => {
        const chunk = await this.eraser.eraseChunk(deletion.schoolId, ERASE_CHUNK);
        if (chunk) {
          await this.store.countDeleted(deletion.id, chunk.table, chunk.rows);
        }
        return chunk;
      });
      if (!erased) {
        break;
      }
      if (erased.identitySubjects?.length) {
        await this.identities.forget(erased.identitySubjects);
      }
    }
    const finishedAt = this.clock.now();
    await this.uow.transaction(async () => {
      await this.store.finishDeletion(deletion.id, finishedAt);
      this.audit.record(null, {
        action: 'school.data_destroyed',
        trustId: deletion.trustId,
        schoolId: null,
        targetType: 'school_deletion',
        targetId: deletion.id,
        summary: `Destroyed all of ${deletion.schoolName}’s data, 30 days after its contract ended on ${deletion.contractEndedOn}`,
      });
    });
    return this.store.deletionOf(deletion.schoolId);
  }

  /** Starts a destruction that is due: null when the termination was withdrawn, or is not due yet. */
  private async start(schoolId: SchoolId): Promise<SchoolDeletion | null> {
    const now = this.clock.now();
    const contract = await this.store.contract(schoolId);
    const school = await this.catalogue.school(schoolId);
    if (!contract || !school || contract.destroyOn > utcDay(now)) {
      return null;
    }
    const deletion: SchoolDeletion = {
      id: this.ids.next(),
      trustId: school.trustId,
      schoolId: school.id,
      schoolName: school.name,
      urn: school.urn,
      contractEndedOn: contract.endsOn,
      startedAt: now,
      finishedAt: null,
      rows: {},
    };
    await this.uow.transaction(async () => {
      await this.store.startDeletion(deletion);
      this.audit.record(null, {
        action: 'school.data_destruction_started',
        trustId: school.trustId,
        schoolId: null,
        targetType: 'school_deletion',
        targetId: deletion.id,
        summary: `Started destroying ${school.name}’s data: its contract ended on ${contract.endsOn}`,
      });
    });
    return deletion;
  }
}
