import { neutraliseFormula } from './formula-guard';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","Click")', '\'=HYPERLINK("http://evil.test","Click")'],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('prefixes %j, which starts like a formula', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['Amara', "O'Neill", 'Year 5 = best', ' =padded', '', '£12.50', 'Zoë', "'=already"])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});
