/**
 * An English academic year: 1 September to 31 August. `AcademicYear.containing(date)` for 2026-11-23 is 2026/27.
 * Dates are compared in UTC calendar days; the boundary is midnight UTC on 1 September, which is within an hour
 * of midnight Europe/London (BST), good enough for retention and reporting boundaries.
 */
export class AcademicYear {
  private constructor(readonly startYear: number) {}

  static starting(startYear: number): AcademicYear {
    if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 2999) {
      throw new RangeError(`Not an academic year: ${startYear}`);
    }
    return new AcademicYear(startYear);
  }

  static containing(date: Date): AcademicYear {
    const year = date.getUTCFullYear();
    return new AcademicYear(date.getUTCMonth() >= 8 ? year : year - 1);
  }

  get start(): Date {
    return new Date(Date.UTC(this.startYear, 8, 1));
  }

  /** Exclusive end: 1 September of the next year. */
  get end(): Date {
    return new Date(Date.UTC(this.startYear + 1, 8, 1));
  }

  contains(date: Date): boolean {
    return date >= this.start && date < this.end;
  }

  plus(years: number): AcademicYear {
    return AcademicYear.starting(this.startYear + years);
  }

  /** "2026/27" */
  toString(): string {
    return `${this.startYear}/${String((this.startYear + 1) % 100).padStart(2, '0')}`;
  }
}
