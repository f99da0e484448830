import { Injectable } from '@nestjs/common';
import {
  DirectoryFileReader,
  type ImportFile,
  type ImportFiles,
  type ImportRecords,
  type MisContact,
  type MisContactLink,
  type MisGroup,
  type MisPupil,
  type MisStaffMember,
  type SenStatus,
} from '@rowan/directory';
import { ValidationFailed } from '@rowan/kernel';
import { mobileE164, ncYear } from '../mis/mis-values';
import { CsvFaults, readTable, type CsvRow } from './csv-table';

const YES = /^(y|yes|true|1)$/i;
const NO = /^(n|no|false|0|)$/i;
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const SEN: Record<string, SenStatus> = { N: 'none', '': 'none', K: 'sen_support', E: 'ehc_plan' };

/** One file's rows read cell by cell, each fault recorded against its line and column. */
class Cells {
  constructor(
    private readonly file: ImportFile,
    private readonly faults: CsvFaults,
  ) {}

  fault(row: CsvRow, column: string | undefined, message: string): void {
    this.faults.add(this.file, row.line, column, message);
  }

  text(row: CsvRow, column: string, max = 100): string | null {
    const value = row.cell(column);
    if (value.length > max) {
      this.fault(row, column, `is longer than ${max} characters`);
    }
    return value === '' ? null : value;
  }

  required(row: CsvRow, column: string, max = 100): string {
    const value = this.text(row, column, max);
    if (value === null) {
      this.fault(row, column, 'is required');
    }
    return value ?? '';
  }

  yesNo(row: CsvRow, column: string): boolean {
    const value = row.cell(column);
    if (!YES.test(value) && !NO.test(value)) {
      this.fault(row, column, `must be Y or N, not “${value}”`);
    }
    return YES.test(value);
  }

  date(row: CsvRow, column: string): string | null {
    const value = row.cell(column);
    if (value === '') {
      return null;
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
    const date = y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : null;
    if (!date || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) {
      this.fault(row, column, `must be a date like 2016-09-01 or 01/09/2016, not “${value}”`);
      return null;
    }
    return date;
  }

  list(row: CsvRow, column: string): string[] {
    return [
      ...new Set(
        row
          .cell(column)
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  }
}

/** Reads uploads against Rowan's CSV templates (see csv-templates.ts and docs/directory-csv.md). */
@Injectable()
export class CsvDirectoryFileReader extends DirectoryFileReader {
  read(files: ImportFiles, today: string): ImportRecords {
    const faults = new CsvFaults();
    const pupils = files.pupils !== undefined ? readPupils(files.pupils, faults) : null;
    const links =
      files.contacts !== undefined && pupils ? readContacts(files.contacts, pupils, faults) : null;
    const staff = files.staff !== undefined ? readStaff(files.staff, faults) : null;
    if (faults.total > 0) {
      const more = faults.total - faults.list.length;
      throw new ValidationFailed(
        `The upload has ${faults.total} problem${faults.total === 1 ? '' : 's'}${more ? ` (the first ${faults.list.length} are listed)` : ''}; nothing was changed`,
        faults.list,
      );
    }
    return {
      ...(pupils && links ? { pupils: assemble(pupils, links, today) } : {}),
      ...(staff ? { staff } : {}),
    };
  }
}

interface PupilRow {
  readonly pupil: Omit<MisPupil, 'contacts'>;
  readonly leaveDate: string | null;
  readonly groups: MisGroup[];
}

function readPupils(text: string, faults: CsvFaults): Map<string, PupilRow> {
  const cells = new Cells('pupils', faults);
  const pupils = new Map<string, PupilRow>();
  for (const row of readTable('pupils', text, faults)) {
    const misId = cells.required(row, 'pupil_id', 36);
    if (pupils.has(misId)) {
      cells.fault(row, 'pupil_id', `${misId} appears on an earlier line`);
    }
    const legalForename = cells.required(row, 'legal_forename');
    const legalSurname = cells.required(row, 'legal_surname');
    const year = yearOf(row.cell('year'));
    if (year === undefined) {
      cells.fault(row, 'year', `must be N1, N2, R or a year from 1 to 14, not “${row.cell('year')}”`);
    }
    const sen = SEN[row.cell('sen').toUpperCase()];
    if (!sen) {
      cells.fault(row, 'sen', `must be N, K or E, not “${row.cell('sen')}”`);
    }
    const registration = cells.text(row, 'registration_class', 40);
    const email = emailOf(row, cells);
    const groups: MisGroup[] = [
      ...(year?.label
        ? [{ misId: `year:${year.label}`, kind: 'year' as const, name: year.label, code: null }]
        : []),
      ...(registration
        ? [{ misId: `reg:${registration}`, kind: 'registration' as const, name: registration, code: null }]
        : []),
      ...cells.list(row, 'groups').flatMap((name) => {
        if (name.length > 50) {
          cells.fault(row, 'groups', `“${name}” is longer than 50 characters`);
          return [];
        }
        return [{ misId: `group:${name}`, kind: 'teaching' as const, name, code: null }];
      }),
    ];
    pupils.set(misId, {
      pupil: {
        misId,
        upn: cells.text(row, 'upn', 13),
        legalForename,
        legalSurname,
        preferredForename: cells.text(row, 'preferred_forename') ?? legalForename,
        preferredSurname: cells.text(row, 'preferred_surname') ?? legalSurname,
        dateOfBirth: cells.date(row, 'date_of_birth'),
        ncYear: year?.nc ?? null,
        yearGroup: year?.label ?? null,
        registrationGroup: registration,
        email,
        groupMisIds: groups.map((g) => g.misId),
        characteristics: {
          pupilPremium: cells.yesNo(row, 'pupil_premium'),
          freeSchoolMeals: cells.yesNo(row, 'free_school_meals'),
          sen: sen ?? 'none',
          eal: cells.yesNo(row, 'eal'),
        },
        leaveDate: null,
      },
      leaveDate: cells.date(row, 'leave_date'),
      groups,
    });
  }
  return pupils;
}

/** N1, N2, R, 1–14 (or "Year 5", "Reception"): the NC year and the label Rowan shows. */
function yearOf(raw: string): { nc: number | null; label: string | null } | undefined {
  const value = raw.replace(/^year\s*/i, '').trim();
  if (value === '') {
    return { nc: null, label: null };
  }
  const code = /^reception$/i.test(value) ? 'R' : value.toUpperCase();
  const nc = /^(R|N1|N2|\d{1,2})$/.test(code) ? ncYear(code) : null;
  if (nc === null || nc > 14) {
    return undefined;
  }
  const label = nc === 0 ? 'Reception' : nc < 0 ? `Nursery ${nc + 3}` : `Year ${nc}`;
  return { nc, label };
}

type Links = Map<string, MisContactLink[]>;

function readContacts(text: string, pupils: ReadonlyMap<string, PupilRow>, faults: CsvFaults): Links {
  const cells = new Cells('contacts', faults);
  const contacts = new Map<string, { contact: MisContact; line: number }>();
  const links: Links = new Map();
  for (const row of readTable('contacts', text, faults)) {
    const pupilId = cells.required(row, 'pupil_id', 36);
    const misId = cells.required(row, 'contact_id', 36);
    if (pupilId && !pupils.has(pupilId)) {
      cells.fault(row, 'pupil_id', `${pupilId} is not in pupils.csv`);
    }
    const contact: MisContact = {
      misId,
      title: cells.text(row, 'title', 20),
      forename: cells.required(row, 'forename'),
      surname: cells.required(row, 'surname'),
      emails: emailsOf(row, cells),
      mobiles: mobilesOf(row, cells),
    };
    const earlier = contacts.get(misId);
    if (earlier && JSON.stringify(earlier.contact) !== JSON.stringify(contact)) {
      cells.fault(
        row,
        'contact_id',
        `${misId} has different details on line ${earlier.line}; make them the same`,
      );
    } else if (!earlier) {
      contacts.set(misId, { contact, line: row.line });
    }
    const priorityText = row.cell('priority');
    const own = links.get(pupilId) ?? [];
    const priority = priorityText === '' ? own.length + 1 : Number(priorityText);
    if (!Number.isInteger(priority) || priority < 1 || priority > 99) {
      cells.fault(row, 'priority', `must be a whole number from 1, not “${priorityText}”`);
    }
    if (own.some((l) => l.contact.misId === misId)) {
      cells.fault(row, 'contact_id', `${misId} is already a contact of ${pupilId} on an earlier line`);
    }
    own.push({
      contact: earlier?.contact ?? contact,
      relationship: cells.required(row, 'relationship', 40),
      parentalResponsibility: cells.yesNo(row, 'parental_responsibility'),
      priority,
      livesWithPupil: cells.yesNo(row, 'lives_with_pupil'),
    });
    links.set(pupilId, own);
  }
  return links;
}

function emailsOf(row: CsvRow, cells: Cells): string[] {
  const emails = cells.list(row, 'email').map((e) => e.toLowerCase());
  emails
    .filter((e) => !EMAIL.test(e) || e.length > 254)
    .forEach((e) => {
      cells.fault(row, 'email', `“${e}” is not an email address`);
    });
  return emails;
}

function mobilesOf(row: CsvRow, cells: Cells): string[] {
  return cells.list(row, 'mobile').flatMap((raw) => {
    const mobile = mobileE164(raw);
    if (!mobile) {
      cells.fault(row, 'mobile', `“${raw}” is not a mobile number (texts cannot reach a landline)`);
      return [];
    }
    return [mobile];
  });
}

/** One optional email address (pupils' and staff's own), lower-cased; a fault when it is not one. */
function emailOf(row: CsvRow, cells: Cells): string | null {
  const email = cells.text(row, 'email', 254)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) {
    cells.fault(row, 'email', `“${email}” is not an email address`);
  }
  return email;
}

function readStaff(text: string, faults: CsvFaults): MisStaffMember[] {
  const cells = new Cells('staff', faults);
  const staff = new Map<string, MisStaffMember>();
  for (const row of readTable('staff', text, faults)) {
    const misId = cells.required(row, 'staff_id', 36);
    if (staff.has(misId)) {
      cells.fault(row, 'staff_id', `${misId} appears on an earlier line`);
    }
    const email = emailOf(row, cells);
    staff.set(misId, {
      misId,
      title: cells.text(row, 'title', 20),
      forename: cells.required(row, 'forename'),
      surname: cells.required(row, 'surname'),
      jobTitle: cells.text(row, 'job_title'),
      email,
    });
  }
  return [...staff.values()];
}

/** On roll with their contacts in priority order, leavers with their dates, and every group named. */
function assemble(
  pupils: ReadonlyMap<string, PupilRow>,
  links: Links,
  today: string,
): ImportRecords['pupils'] {
  const onRoll: MisPupil[] = [];
  const leavers: Array<{ misId: string; leaveDate: string }> = [];
  const groups = new Map<string, MisGroup>();
  for (const { pupil, leaveDate, groups: own } of pupils.values()) {
    if (leaveDate && leaveDate <= today) {
      leavers.push({ misId: pupil.misId, leaveDate });
      continue;
    }
    own.forEach((g) => groups.set(g.misId, g));
    const contacts = [...(links.get(pupil.misId) ?? [])].sort((a, b) => a.priority - b.priority);
    onRoll.push({ ...pupil, contacts });
  }
  return { onRoll, leavers, groups: [...groups.values()] };
}
