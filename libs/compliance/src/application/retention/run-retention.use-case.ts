import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { leftOnOrBefore } from '../../domain/retention';
import { ComplianceStore, type RetentionRun } from '../ports/compliance.store';
import { LeaverRegister, RETENTION_PARTICIPANTS, type RetentionParticipant } from '../ports/leavers';

/** Pupils anonymised per transaction: each batch lands whole or not at all. */
export const RETENTION_BATCH = 200;

/**
 * Anonymises one school's leavers whose two academic years are over, and their contacts left with no current
 * child, in batches (each one transaction across every context that holds their data), then records the run.
 * Idempotent: a second run the same day finds nobody due and records a run of nothing.
 */
@Injectable()
export class RunRetentionUseCase {
  constructor(
    private readonly register: LeaverRegister,
    @Inject(RETENTION_PARTICIPANTS) private readonly participants: readonly RetentionParticipant[],
    private readonly store: ComplianceStore,
    private readonly catalogue: SchoolCatalogue,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { schoolId: SchoolId }): Promise<RetentionRun | null> {
    const school = await this.catalogue.school(input.schoolId);
    if (!school) {
      return null; // destroyed meanwhile: nothing to keep or anonymise
    }
    const now = this.clock.now();
    const cutoff = leftOnOrBefore(now);
    const rows: Record<string, number> = {};
    let pupils = 0;
    let contacts = 0;
    for (;;) {
      const afterCommit: Array<() => Promise<void>> = [];
      const batch = await this.uow.transaction(async () => {
        const due = await this.register.findDue(school.id, cutoff, RETENTION_BATCH);
        if (due.pupilIds.length + due.contactIds.length === 0) {
          return 0;
        }
        for (const participant of this.participants) {
          const changed = await participant.anonymise(school.id, due, now);
          for (const [what, count] of Object.entries(changed.rows)) {
            const key = `${participant.context}.${what}`;
            rows[key] = (rows[key] ?? 0) + count;
          }
          if (changed.afterCommit) {
            afterCommit.push(changed.afterCommit);
          }
        }
        pupils += due.pupilIds.length;
        contacts += due.contactIds.length;
        return due.pupilIds.length;
      });
      for (const work of afterCommit) {
        await work();
      }
      if (batch < RETENTION_BATCH) {
        break;
      }
    }
    const run: RetentionRun = {
      id: this.ids.next(),
      schoolId: school.id,
      ranAt: now,
      leftOnOrBefore: cutoff,
      pupils,
      contacts,
      rows,
    };
    await this.uow.transaction(async () => {
      await this.store.recordRun(run);
      this.audit.record(null, {
        action: 'retention.ran',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'retention_run',
        targetId: run.id,
        summary:
          pupils + contacts === 0
            ? 'Retention: no leavers were due for anonymisation'
            : `Retention: anonymised ${pupils} pupil(s) and ${contacts} contact(s) who left on or before ${cutoff}`,
        after: { pupils, contacts, leftOnOrBefore: cutoff },
      });
    });
    return run;
  }
}
