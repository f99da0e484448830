import type { SchoolId } from '@rowan/kernel';
import type { MessagingFigures, ReportPeriod } from '../../domain/reporting-period';

/** One school's figures in one period (by its index in the periods asked for). */
export interface SchoolPeriodFigures {
  readonly schoolId: SchoolId;
  readonly period: number;
  readonly figures: MessagingFigures;
}

/** Reporting over the delivery ledger, aggregated where the data lives (never row by row in memory). */
export abstract class MessagingAnalytics {
  /** Each school's figures in each period; a school and period with nothing to count may be left out. */
  abstract figures(
    schoolIds: readonly SchoolId[],
    periods: readonly ReportPeriod[],
  ): Promise<SchoolPeriodFigures[]>;
}
