import { formatPence, parsePounds, poundsInput } from '../../apps/web/src/lib/format';

/** The web app's money formatting: integer pence in, pounds out, and back, with no float in between. */
describe('formatPence', () => {
  it.each([
    [1850, '£18.50'],
    [925, '£9.25'],
    [93, '£0.93'],
    [5, '£0.05'],
    [0, '£0.00'],
    [100, '£1.00'],
    [123456, '£1,234.56'],
    [100000000, '£1,000,000.00'],
    [-925, '−£9.25'],
  ])('shows %i pence as %s', (pence, shown) => {
    expect(formatPence(pence)).toBe(shown);
  });

  it('never shows a float artefact (0.1 + 0.2 pounds is 30 pence)', () => {
    expect(formatPence(10 + 20)).toBe('£0.30');
    expect(formatPence(1005)).toBe('£10.05');
  });
});

describe('parsePounds', () => {
  it.each([
    ['18.50', 1850],
    ['18.5', 1850],
    ['18', 1800],
    ['£9.25', 925],
    ['£ 0.05', 5],
    ['1,200', 120000],
    [' 1,234.56 ', 123456],
    ['0.29', 29],
    ['10.05', 1005],
  ])('reads %p as %i pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it.each(['', 'abc', '1.234', '-5', '12,34', '1e3', '£', '.5'])('refuses %p', (text) => {
    expect(parsePounds(text)).toBeNull();
  });

  it('reads back what poundsInput writes', () => {
    for (const pence of [0, 5, 93, 1850, 123456]) {
      expect(parsePounds(poundsInput(pence))).toBe(pence);
    }
    expect(poundsInput(1850)).toBe('18.50');
  });
});
