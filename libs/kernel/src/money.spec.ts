import { Money } from './money';
import { ValidationFailed } from './domain-error';

describe('Money', () => {
  it('adds and formats pence without floating point', () => {
    expect(Money.ofPence(1050).add(Money.ofPence(5)).format()).toBe('£10.55');
    expect(Money.ofPence(-99).format()).toBe('-£0.99');
  });

  it('refuses fractions of a penny', () => {
    expect(() => Money.ofPence(10.5)).toThrow(ValidationFailed);
  });
});
