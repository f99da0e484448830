import { ukMidnight, ukMonthStart } from '@rowan/kernel';
import { addFigures, NO_FIGURES, reachRate, reportingPeriods } from './reporting-period';

describe('reporting periods in UK time', () => {
  it('starts each UK day at midnight GMT in winter and 23:00 UTC in summer', () => {
    expect(ukMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(ukMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // The clocks change at 01:00 UTC on these Sundays; midnight before is still the old offset.
    expect(ukMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(ukMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(ukMonthStart(new Date('2026-07-31T23:30:00Z')).toISOString()).toBe('2026-07-31T23:00:00.000Z');
  });

  it('covers the range with whole calendar months', () => {
    const months = reportingPeriods('2026-02-14', '2026-04-02', 'month');
    expect(months.map((m) => [m.firstDay, m.lastDay])).toEqual([
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-04-30'],
    ]);
    expect(months[1]!.endsAt.toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('covers the range with Monday-to-Sunday weeks, across a year end', () => {
    const weeks = reportingPeriods('2026-12-30', '2027-01-05', 'week');
    expect(weeks.map((w) => [w.firstDay, w.lastDay])).toEqual([
      ['2026-12-28', '2027-01-03'],
      ['2027-01-04', '2027-01-10'],
    ]);
  });

  it('names the field at fault', () => {
    expect(() => reportingPeriods('2026-02-30', '2026-03-01', 'month')).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }] }),
    );
    expect(() => reportingPeriods('2026-03-01', '2026-02-01', 'month')).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'to', message: 'must be on or after from' }] }),
    );
    expect(() => reportingPeriods('2020-01-01', '2026-01-01', 'week')).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'from' })] }),
    );
  });

  it('adds figures up and rates reach', () => {
    const one = { ...NO_FIGURES, messages: 1, recipients: 3, reached: 2, smsCostPence: 8 };
    const sum = addFigures([one, one]);
    expect(sum).toMatchObject({ messages: 2, recipients: 6, reached: 4, smsCostPence: 16 });
    expect(reachRate(sum)).toBe(0.667);
    expect(reachRate(NO_FIGURES)).toBeNull();
  });
});
