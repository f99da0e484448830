import { mobileE164, ncYear, senStatus, truthy } from '../mis/mis-values';
import { emails, mobiles, pupilEmail, toPupil } from './wonde-mappers';
import type { WondeContactDetails, WondeStudent } from './wonde-wire.types';

const stamp = { date: '2026-09-01 08:00:00.000000', timezone_type: 3, timezone: 'Europe/London' };
const student = (contactDetails?: WondeContactDetails): WondeStudent => ({
  id: 'A1',
  mis_id: '1',
  forename: 'Ada',
  surname: 'Lovelace',
  middle_names: null,
  legal_forename: null,
  legal_surname: null,
  gender: 'FEMALE',
  date_of_birth: null,
  created_at: stamp,
  updated_at: stamp,
  ...(contactDetails && { contact_details: { data: contactDetails } }),
});
const noPhones = { phone: null, primary: null, home: null, work: null, mobile: null };

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

  it('maps a pupil’s own school email, lower-cased, and null when there is none', () => {
    const details = {
      emails: { email: 'Ada.Lovelace@Kings.sch.uk ', primary: null, home: null, work: null },
      phones: noPhones,
    };
    expect(toPupil(student(details)).email).toBe('ada.lovelace@kings.sch.uk');
    expect(toPupil(student()).email).toBeNull();
    expect(
      toPupil(student({ emails: { email: null, primary: null, home: null, work: null }, phones: noPhones }))
        .email,
    ).toBeNull();
  });

  it('reads a pupil email defensively: a missing block, blanks and junk give no address', () => {
    expect(pupilEmail(undefined)).toBeNull();
    expect(pupilEmail(null)).toBeNull();
    expect(pupilEmail({ phones: noPhones } as unknown as WondeContactDetails)).toBeNull();
    const junk = { email: 42, primary: '  ', home: 'not an email', work: 'a@b' } as unknown;
    expect(pupilEmail({ emails: junk, phones: noPhones } as WondeContactDetails)).toBeNull();
    const later = { email: 'x', primary: null, home: null, work: 'pupil@school.org.uk' };
    expect(pupilEmail({ emails: later, phones: noPhones })).toBe('pupil@school.org.uk');
  });
});
