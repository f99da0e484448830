import { ukHour } from './schedule-daily-syncs.use-case';

describe('ukHour', () => {
  it('is the hour on a UK clock, in winter (GMT) and summer (BST)', () => {
    expect(ukHour(new Date('2026-11-23T02:30:00Z'))).toBe(2);
    expect(ukHour(new Date('2026-07-01T01:30:00Z'))).toBe(2);
    expect(ukHour(new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(ukHour(new Date('2026-03-29T01:00:00Z'))).toBe(2);
  });
});
