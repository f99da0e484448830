import { anonymiseFrom, destroyOn, leftOnOrBefore } from './retention';

describe('leaver retention', () => {
  it('keeps a pupil who left on 20 July 2024 until 31 August 2026', () => {
    expect(anonymiseFrom('2024-07-20').toISOString()).toBe('2026-09-01T00:00:00.000Z');
  });

  it('counts a leaver in September from the year they left in', () => {
    expect(anonymiseFrom('2024-09-01').toISOString()).toBe('2027-09-01T00:00:00.000Z');
    expect(anonymiseFrom('2024-08-31').toISOString()).toBe('2026-09-01T00:00:00.000Z');
  });

  it('names the last leave date due on a given day', () => {
    expect(leftOnOrBefore(new Date('2026-08-31T23:59:59Z'))).toBe('2023-08-31');
    expect(leftOnOrBefore(new Date('2026-09-01T00:00:00Z'))).toBe('2024-08-31');
    for (const day of ['2024-07-20', '2024-08-31', '2023-09-01']) {
      expect(anonymiseFrom(day) <= new Date('2026-09-01T00:00:00Z')).toBe(
        day <= leftOnOrBefore(new Date('2026-09-01T00:00:00Z')),
      );
    }
  });

  it('rejects a date that is not one', () => {
    expect(() => anonymiseFrom('20 July')).toThrow(RangeError);
  });

  it('destroys a school’s data 30 days after its contract ends', () => {
    expect(destroyOn('2026-08-31')).toBe('2026-09-30');
    expect(destroyOn('2026-12-31')).toBe('2027-01-30');
  });
});
