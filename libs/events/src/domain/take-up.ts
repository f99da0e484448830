import { ValidationFailed } from '@rowan/kernel';

/** Pupils invited and, of them, those holding a confirmed place. */
export interface TakeUpCounts {
  readonly invited: number;
  readonly booked: number;
}

export interface TakeUp extends TakeUpCounts {
  /** booked / invited, 0 to 1; null when nobody was invited. */
  readonly rate: number | null;
}

export const EQUITY_GROUPS = ['pupil_premium', 'free_school_meals', 'sen'] as const;
export type EquityGroup = (typeof EQUITY_GROUPS)[number];

/** Counts over an eligible cohort: everyone, and those with each characteristic. */
export interface CohortCounts {
  readonly all: TakeUpCounts;
  readonly groups: Readonly<Record<EquityGroup, TakeUpCounts>>;
}

/** One characteristic's take-up beside the rest of the cohort's. */
export interface EquityLine {
  readonly group: EquityGroup;
  readonly with: TakeUp;
  readonly without: TakeUp;
  /** (with - without) in percentage points, one decimal; null when either side invited nobody. */
  readonly gapPoints: number | null;
}

export interface Equity {
  readonly all: TakeUp;
  readonly lines: readonly EquityLine[];
}

export function takeUp(counts: TakeUpCounts): TakeUp {
  return { ...counts, rate: counts.invited ? counts.booked / counts.invited : null };
}

/** A rate as a percentage with one decimal: 2/3 -> 66.7. */
export const percent = (rate: number | null): number | null =>
  rate === null ? null : Math.round(rate * 1000) / 10;

/** Take-up of Pupil Premium, FSM and SEN pupils against the rest of the same cohort. */
export function equityOf(cohort: CohortCounts): Equity {
  return {
    all: takeUp(cohort.all),
    lines: EQUITY_GROUPS.map((group) => {
      const mine = cohort.groups[group];
      const withIt = takeUp(mine);
      const without = takeUp({
        invited: cohort.all.invited - mine.invited,
        booked: cohort.all.booked - mine.booked,
      });
      const gap =
        withIt.rate === null || without.rate === null
          ? null
          : Math.round((withIt.rate - without.rate) * 1000) / 10;
      return { group, with: withIt, without, gapPoints: gap };
    }),
  };
}

export const EQUITY_GROUP_LABELS: Record<EquityGroup, string> = {
  pupil_premium: 'Pupil Premium',
  free_school_meals: 'Free school meals',
  sen: 'SEN',
};

/** A report's date range: UK days, inclusive, `from` not after `to`. */
export function checkDateRange(from: string, to: string): void {
  if (from > to) {
    throw new ValidationFailed('The date range ends before it starts', [
      { field: 'to', message: 'must not be before from' },
    ]);
  }
}
