import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import { anonymiseFrom, LEAVER_RETENTION_YEARS, leftOnOrBefore, utcDay } from '../../domain/retention';
import { ComplianceStore, type RetentionRun } from '../ports/compliance.store';
import { LeaverRegister, type LeaversKept } from '../ports/leavers';

export interface RetentionOverview extends LeaversKept {
  readonly retentionYears: number;
  /** Leavers who left on or before this day are due for anonymisation today. */
  readonly dueIfLeftOnOrBefore: string;
  /** When the earliest kept leaver is anonymised. */
  readonly nextAnonymisationOn: string | null;
}

/** The office's view of retention: leavers kept, when the next go, and the runs so far. */
@Injectable()
export class ReadRetentionUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly register: LeaverRegister,
    private readonly store: ComplianceStore,
    private readonly clock: Clock,
  ) {}

  async overview(input: { actor: Actor; schoolId: SchoolId }): Promise<RetentionOverview> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'retention:read');
    const kept = await this.register.kept(school.id);
    return {
      ...kept,
      retentionYears: LEAVER_RETENTION_YEARS,
      dueIfLeftOnOrBefore: leftOnOrBefore(this.clock.now()),
      nextAnonymisationOn: kept.earliestLeaveDate ? utcDay(anonymiseFrom(kept.earliestLeaveDate)) : null,
    };
  }

  async runs(input: { actor: Actor; schoolId: SchoolId; page: PageRequest }): Promise<Page<RetentionRun>> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'retention:read');
    return this.store.runs(school.id, input.page);
  }
}
