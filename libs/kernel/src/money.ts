import { ValidationFailed } from './domain-error';

export type Currency = 'GBP';

/** An amount of money in minor units (pence). Never a float. */
export class Money {
  private constructor(
    readonly pence: number,
    readonly currency: Currency,
  ) {}

  static ofPence(pence: number, currency: Currency = 'GBP'): Money {
    if (!Number.isSafeInteger(pence)) {
      throw new ValidationFailed('Money must be a whole number of pence', [
        { field: 'pence', message: 'must be an integer' },
      ]);
    }
    return new Money(pence, currency);
  }

  static zero(currency: Currency = 'GBP'): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.ofPence(this.pence + other.pence, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.ofPence(this.pence - other.pence, this.currency);
  }

  isNegative(): boolean {
    return this.pence < 0;
  }

  equals(other: Money): boolean {
    return this.pence === other.pence && this.currency === other.currency;
  }

  /** "£12.50" */
  format(): string {
    const sign = this.pence < 0 ? '-' : '';
    const abs = Math.abs(this.pence);
    return `${sign}£${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new ValidationFailed(`Cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}
