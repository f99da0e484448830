import { AcademicYear } from './academic-year';

describe('AcademicYear', () => {
  it('runs from 1 September to 31 August', () => {
    expect(AcademicYear.containing(new Date('2026-11-23T10:00:00Z')).toString()).toBe('2026/27');
    expect(AcademicYear.containing(new Date('2027-08-31T23:59:59Z')).toString()).toBe('2026/27');
    expect(AcademicYear.containing(new Date('2027-09-01T00:00:00Z')).toString()).toBe('2027/28');
  });

  it('knows its bounds and moves by whole years', () => {
    const year = AcademicYear.starting(2026);
    expect(year.start.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(year.plus(2).end.toISOString()).toBe('2029-09-01T00:00:00.000Z');
    expect(year.contains(new Date('2026-08-31T12:00:00Z'))).toBe(false);
  });
});
