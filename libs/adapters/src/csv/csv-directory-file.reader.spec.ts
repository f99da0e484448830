import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationFailed, type FieldError } from '@rowan/kernel';
import { CsvDirectoryFileReader } from './csv-directory-file.reader';
import { TEMPLATES, templateHeader } from './csv-templates';

const TODAY = '2026-11-23';
const template = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../apps/web/public/templates', `${name}.csv`), 'utf8');
const reader = new CsvDirectoryFileReader();

const PUPILS = templateHeader('pupils');
const CONTACTS = templateHeader('contacts');

function faultsOf(files: Parameters<CsvDirectoryFileReader['read']>[0]): FieldError[] {
  try {
    reader.read(files, TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return [...(error as ValidationFailed).fieldErrors];
  }
  throw new Error('the upload was accepted');
}

describe('CsvDirectoryFileReader', () => {
  it('reads the published templates: pupils with contacts in priority order, groups, characteristics, staff', () => {
    const records = reader.read(
      { pupils: template('pupils'), contacts: template('contacts'), staff: template('staff') },
      TODAY,
    );

    const [olivia, zoe, wei] = records.pupils!.onRoll;
    expect(olivia).toMatchObject({
      misId: '1001',
      upn: 'A123456789012',
      legalForename: 'Olivia',
      legalSurname: "O'Brien",
      preferredForename: 'Liv',
      dateOfBirth: '2016-03-14',
      ncYear: 5,
      yearGroup: 'Year 5',
      registrationGroup: '5C',
      email: 'liv.obrien@example.sch.uk',
      groupMisIds: ['year:Year 5', 'reg:5C', 'group:Maths Set 1', 'group:Choir'],
      characteristics: { pupilPremium: true, freeSchoolMeals: true, sen: 'none', eal: false },
    });
    expect(
      olivia!.contacts.map((l) => [l.contact.misId, l.relationship, l.priority, l.contact.mobiles]),
    ).toEqual([
      ['C501', 'Mother', 1, ['+447700900123']],
      ['C502', 'Father', 2, ['+447700900456']],
    ]);
    expect(zoe).toMatchObject({
      legalForename: 'Zoë',
      legalSurname: 'Müller-Łukasik',
      preferredForename: 'Zoë',
      ncYear: 0,
      yearGroup: 'Reception',
      characteristics: { sen: 'sen_support', eal: true },
      email: null,
    });
    expect(zoe!.contacts[0]!.contact.emails).toEqual(['anna.mueller@example.org', 'anna@example.com']);
    expect(wei).toMatchObject({
      legalForename: '陈',
      legalSurname: '伟',
      characteristics: { sen: 'ehc_plan' },
    });
    expect(records.pupils!.groups.map((g) => `${g.kind}:${g.name}`)).toEqual([
      'year:Year 5',
      'registration:5C',
      'teaching:Maths Set 1',
      'teaching:Choir',
      'year:Reception',
      'registration:RB',
      'year:Year 6',
      'registration:6H',
    ]);
    expect(records.staff).toEqual([
      expect.objectContaining({ misId: 'S01', forename: 'Aisha', jobTitle: 'Headteacher' }),
      expect.objectContaining({
        misId: 'S02',
        surname: 'Ó Súilleabháin',
        email: 't.osuilleabhain@example.org',
      }),
    ]);
  });

  it('documents every template column and publishes each template with exactly its header', () => {
    for (const file of ['pupils', 'contacts', 'staff'] as const) {
      expect(template(file).split('\n')[0]).toBe(templateHeader(file));
      TEMPLATES[file].forEach((c) => expect(c.means.length).toBeGreaterThan(5));
    }
  });

  it('refuses a file with one bad row, naming its line and column', () => {
    const pupils = [
      PUPILS,
      '1,,Ada,Lovelace,,,2016-01-01,5,5C,,N,N,N,N,,',
      '2,,Alan,Turing,,,31/02/2016,5,5C,,N,N,N,N,,',
    ];

    const faults = faultsOf({ pupils: pupils.join('\n'), contacts: CONTACTS });

    expect(faults).toEqual([
      {
        field: 'pupils',
        line: 3,
        column: 'date_of_birth',
        message:
          'pupils.csv line 3, column date_of_birth: must be a date like 2016-09-01 or 01/09/2016, not “31/02/2016”',
      },
    ]);
  });

  it('names the line a row starts on, past quoted cells with line breaks, blank lines, a byte-order mark, CRLF', () => {
    const pupils = [
      `\uFEFF${PUPILS}`,
      '1,,"Mary-Jane ""MJ""","Smith, Jones",,,2016-01-01,5,"5C",,N,N,N,N,,',
      '',
      '2,,"Line',
      'Break",Surname,,,2016-01-01,5,5C,,N,N,X,N,,',
    ].join('\r\n');

    const faults = faultsOf({ pupils, contacts: CONTACTS });

    expect(faults).toEqual([expect.objectContaining({ field: 'pupils', line: 4, column: 'sen' })]);
  });

  it('names unknown and missing columns on the header line', () => {
    const faults = faultsOf({ pupils: 'pupil_id,legal_forename,shoe_size\n1,Ada,5', contacts: CONTACTS });

    expect(faults.map((f) => [f.line, f.column, f.message.split(': ')[1]])).toEqual([
      [1, 'shoe_size', 'is not a column of the template'],
      [1, 'legal_surname', 'is missing from the header (it is required)'],
    ]);
  });

  it('finds every kind of fault in contacts, each on its own line and column', () => {
    const pupils = [PUPILS, '1,,Ada,Lovelace,,,,5,,,N,N,N,N,,', '1,,Ada,Again,,,,5,,,N,N,N,N,,'].join('\n');
    const contacts = [
      CONTACTS,
      '1,C1,Mrs,Anne,Lovelace,Mother,Y,1,Y,anne@example.org,07700900001',
      '1,C2,Mr,Bob,Lovelace,Father,maybe,2,Y,not-an-email,01632 960000',
      '9,C3,Ms,Cara,Nobody,Aunt,N,,N,,',
      '1,C1,Mrs,Anne,Byron,Mother,Y,3,Y,anne@example.org,07700900001',
      '1,C4,,,Lovelace,Carer,N,zero,N,,',
    ].join('\n');

    const faults = faultsOf({ pupils, contacts });

    expect(faults.map((f) => `${f.field}:${f.line}:${f.column}`)).toEqual([
      'pupils:3:pupil_id',
      'contacts:3:email',
      'contacts:3:mobile',
      'contacts:3:parental_responsibility',
      'contacts:4:pupil_id',
      'contacts:5:contact_id',
      'contacts:5:contact_id',
      'contacts:6:forename',
      'contacts:6:priority',
    ]);
    expect(faults[5]!.message).toContain('C1 has different details on line 2');
  });

  it('reads a pupil’s optional email in lower case and refuses a bad one with its line and column', () => {
    const header = 'pupil_id,legal_forename,legal_surname,year,email';
    const good = reader.read(
      { pupils: `${header}\n1,Ada,Lovelace,9,Ada.Lovelace@School.sch.uk`, contacts: CONTACTS },
      TODAY,
    );
    expect(good.pupils!.onRoll[0]).toMatchObject({ misId: '1', email: 'ada.lovelace@school.sch.uk' });
    const without = reader.read(
      { pupils: 'pupil_id,legal_forename,legal_surname\n1,Ada,Lovelace', contacts: CONTACTS },
      TODAY,
    );
    expect(without.pupils!.onRoll[0]!.email).toBeNull();

    const faults = faultsOf({
      pupils: [header, '1,Ada,Lovelace,9,ada@school.sch.uk', '2,Alan,Turing,9,alan at school'].join('\n'),
      contacts: CONTACTS,
    });

    expect(faults).toEqual([
      {
        field: 'pupils',
        line: 3,
        column: 'email',
        message: 'pupils.csv line 3, column email: “alan at school” is not an email address',
      },
    ]);
  });

  it('makes a pupil whose leaving date has come a leaver, keeping a pupil who leaves later on roll', () => {
    const pupils = [
      PUPILS,
      '1,,Ada,Lovelace,,,,6,,,N,N,N,N,2026-11-20,',
      '2,,Alan,Turing,,,,6,,,N,N,N,N,23/11/2026,',
      '3,,Grace,Hopper,,,,6,,,N,N,N,N,2027-07-21,',
    ].join('\n');

    const records = reader.read({ pupils, contacts: CONTACTS }, TODAY);

    expect(records.pupils!.leavers).toEqual([
      { misId: '1', leaveDate: '2026-11-20' },
      { misId: '2', leaveDate: '2026-11-23' },
    ]);
    expect(records.pupils!.onRoll.map((p) => p.misId)).toEqual(['3']);
  });

  it('lists the first hundred faults and says how many there are in all', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `S${i},,,,,`);

    let error: ValidationFailed | undefined;
    try {
      reader.read({ staff: ['staff_id,title,forename,surname,job_title,email', ...rows].join('\n') }, TODAY);
    } catch (e) {
      error = e as ValidationFailed;
    }

    expect(error?.message).toBe(
      'The upload has 300 problems (the first 100 are listed); nothing was changed',
    );
    expect(error?.fieldErrors).toHaveLength(100);
  });
});
