import { equityOf, percent, takeUp } from './take-up';

describe('take-up and equity', () => {
  it('compares each group with the rest of the cohort', () => {
    const equity = equityOf({
      all: { invited: 10, booked: 5 },
      groups: {
        pupil_premium: { invited: 4, booked: 3 },
        free_school_meals: { invited: 0, booked: 0 },
        sen: { invited: 10, booked: 5 },
      },
    });
    const [pp, fsm, sen] = equity.lines;
    expect(equity.all.rate).toBe(0.5);
    expect(pp).toMatchObject({
      with: { invited: 4, booked: 3, rate: 0.75 },
      without: { invited: 6, booked: 2 },
      gapPoints: 41.7,
    });
    expect(percent(pp!.without.rate)).toBe(33.3);
    expect(fsm).toMatchObject({ with: { rate: null }, without: { invited: 10, rate: 0.5 }, gapPoints: null });
    expect(sen).toMatchObject({ without: { invited: 0, rate: null }, gapPoints: null });
  });

  it('has no rate for nobody invited', () => {
    expect(takeUp({ invited: 0, booked: 0 }).rate).toBeNull();
    expect(percent(null)).toBeNull();
    expect(percent(2 / 3)).toBe(66.7);
  });
});
