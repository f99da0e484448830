import { Injectable } from '@nestjs/common';
import { authorize, type Actor } from '@rowan/access';
import { NotFound, type SchoolId, type TrustId } from '@rowan/kernel';
import { PupilDirectory } from '../ports/pupil-directory';
import { SchoolRepository } from '../ports/school.repository';
import { SyncRunRepository } from '../ports/sync-run.repository';
import { TrustRepository } from '../ports/trust.repository';
import { toSyncRunView, type SyncRunView } from '../sync-run.view';

export interface SchoolDirectoryOverview {
  readonly schoolId: string;
  readonly name: string;
  readonly counts: {
    readonly pupilsOnRoll: number;
    readonly leavers: number;
    readonly contacts: number;
    readonly staff: number;
  };
  readonly lastSync: SyncRunView | null;
}

/** For trust administrators: each school's directory size and its last sync, side by side. */
@Injectable()
export class TrustDirectoryOverviewUseCase {
  constructor(
    private readonly trusts: TrustRepository,
    private readonly schools: SchoolRepository,
    private readonly pupils: PupilDirectory,
    private readonly runs: SyncRunRepository,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly trustId: TrustId;
  }): Promise<SchoolDirectoryOverview[]> {
    const trust = await this.trusts.findById(input.trustId);
    if (!trust) {
      throw new NotFound('Trust');
    }
    authorize(input.actor, 'directory:read', { trustId: trust.id }, 'Trust');
    const schools = await this.schools.listInTrusts([trust.id]);
    const ids = schools.map((s) => s.id as SchoolId);
    const [counts, lastRuns] = await Promise.all([
      this.pupils.countsBySchool(ids),
      this.runs.lastForSchools(ids),
    ]);
    return schools.map((s) => {
      const last = lastRuns.get(s.id);
      return {
        schoolId: s.id,
        name: s.name,
        counts: counts.get(s.id) ?? { pupilsOnRoll: 0, leavers: 0, contacts: 0, staff: 0 },
        lastSync: last ? toSyncRunView(last) : null,
      };
    });
  }
}
