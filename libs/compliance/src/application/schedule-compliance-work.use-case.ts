import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import { leftOnOrBefore, utcDay } from '../domain/retention';
import { ComplianceJobs, ComplianceStore } from './ports/compliance.store';
import { LeaverRegister } from './ports/leavers';

/**
 * Daily (the worker's schedule calls it hourly; job ids make the day's work one job per school): queues a
 * retention run for every school with leavers due, and the destruction of every school whose 30 days are over
 * (or whose destruction stopped part-way).
 */
@Injectable()
export class ScheduleComplianceWorkUseCase {
  constructor(
    private readonly register: LeaverRegister,
    private readonly store: ComplianceStore,
    private readonly jobs: ComplianceJobs,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ retention: number; destruction: number }> {
    const now = this.clock.now();
    const today = utcDay(now);
    const retention = await this.register.schoolsWithDueLeavers(leftOnOrBefore(now));
    for (const schoolId of retention) {
      await this.jobs.runRetention(schoolId, today);
    }
    const doomed = new Set([
      ...(await this.store.dueForDestruction(today)).map((c) => c.schoolId),
      ...(await this.store.unfinishedDeletions()).map((d) => d.schoolId),
    ]);
    for (const schoolId of doomed) {
      await this.jobs.destroySchool(schoolId, today);
    }
    return { retention: retention.length, destruction: doomed.size };
  }
}
