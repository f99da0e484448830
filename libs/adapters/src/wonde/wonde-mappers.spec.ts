import { mobileE164, ncYear, senStatus, truthy } from '../mis/mis-values';
import { emails, mobiles } from './wonde-mappers';

describe('Wonde mappers', () => {
  it('turns UK mobiles into E.164 and leaves landlines out', () => {
    expect(mobileE164('07700 900123')).toBe('+447700900123');
    expect(mobileE164('+44 (0)7700-900123'.replace('(0)', ''))).toBe('+447700900123');
    expect(mobileE164('0044 7700 900123')).toBe('+447700900123');
    expect(mobileE164('01632 960000')).toBeNull();
    expect(mobileE164('020 7946 0000')).toBeNull();
    expect(mobileE164('0770090012')).toBeNull();
  });

  it('keeps foreign mobiles through libphonenumber', () => {
    expect(mobileE164('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(mobileE164('not a number')).toBeNull();
  });

  it('lists a contact’s mobiles once each, preferred first', () => {
    const details = {
      emails: { email: null, primary: null, home: null, work: null },
      phones: {
        phone: '07700 900123',
        primary: null,
        home: '01632 960000',
        work: null,
        mobile: '+447700900456',
      },
    };
    expect(mobiles(details)).toEqual(['+447700900456', '+447700900123']);
  });

  it('reads emails in lower case without duplicates', () => {
    expect(
      emails({
        emails: { email: 'A@Example.com', primary: 'a@example.com', home: null, work: 'work@school.sch.uk' },
        phones: { phone: null, primary: null, home: null, work: null, mobile: null },
      }),
    ).toEqual(['a@example.com', 'work@school.sch.uk']);
  });

  it('reads the value variants different MIS send', () => {
    expect(['Y', 'yes', 'T', 'true', '1', true].map(truthy)).toEqual([true, true, true, true, true, true]);
    expect(['N', 'no', 'F', '', null, false].map(truthy)).toEqual([false, false, false, false, false, false]);
    expect(['K', 'E', 'S', 'N', null].map(senStatus)).toEqual([
      'sen_support',
      'ehc_plan',
      'ehc_plan',
      'none',
      'none',
    ]);
    expect(['R', '3', '11', 'N2', 'x'].map(ncYear)).toEqual([0, 3, 11, -1, null]);
  });
});
