import { Injectable } from '@nestjs/common';
import {
  MisSource,
  type MisAccess,
  type MisContact,
  type MisDeletion,
  type MisGroup,
  type MisLeaver,
  type MisPupil,
  type MisReadOptions,
  type MisStaffMember,
} from '@rowan/directory';
import { WondeHttpClient } from './wonde-http.client';
import { calendarDate, toClassGroup, toContact, toGroup, toPupil, toStaff } from './wonde-mappers';
import type {
  WondeClass,
  WondeContact,
  WondeCounts,
  WondeDeletion,
  WondeEmployee,
  WondeGroup,
  WondeStudent,
} from './wonde-wire.types';

const PER_PAGE = 200;
const STUDENT_INCLUDES =
  'contact_details,contacts.contact_details,extended_details,education_details,year,registration,groups,classes';
const DELETION_KINDS: Record<string, MisDeletion['kind']> = {
  student: 'pupil',
  contact: 'contact',
  employee: 'staff',
  group: 'group',
  class: 'group',
};

/** Reads a school's MIS through Wonde and says it in Rowan's words. */
@Injectable()
export class WondeMisSource extends MisSource {
  constructor(private readonly http: WondeHttpClient = new WondeHttpClient()) {
    super();
  }

  async counts(access: MisAccess): Promise<{ pupils: number; staff: number }> {
    const counts = await this.http.get<WondeCounts>(
      this.url(access, 'counts', { include: 'students,employees' }),
      access.token,
    );
    return { pupils: counts.data.students?.data.count ?? 0, staff: counts.data.employees?.data.count ?? 0 };
  }

  async *groups(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisGroup[]> {
    for await (const page of this.http.pages<WondeGroup>(
      this.url(access, 'groups', {}, options),
      access.token,
    )) {
      yield page.map(toGroup);
    }
    for await (const page of this.http.pages<WondeClass>(
      this.url(access, 'classes', {}, options),
      access.token,
    )) {
      yield page.map(toClassGroup);
    }
  }

  async *pupils(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisPupil[]> {
    const url = this.url(access, 'students', { include: STUDENT_INCLUDES }, options);
    for await (const page of this.http.pages<WondeStudent>(url, access.token)) {
      yield page.map(toPupil);
    }
  }

  async *contacts(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisContact[]> {
    for await (const page of this.http.pages<WondeContact>(
      this.url(access, 'contacts', { include: 'contact_details' }, options),
      access.token,
    )) {
      yield page.map(toContact);
    }
  }

  async *leavers(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisLeaver[]> {
    const url = this.url(access, 'students-leaver', { include: 'education_details' }, options);
    for await (const page of this.http.pages<WondeStudent>(url, access.token)) {
      yield page.map((s) => ({
        misId: s.id,
        leaveDate: calendarDate(s.education_details?.data.leaving_date),
      }));
    }
  }

  async *staff(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisStaffMember[]> {
    const url = this.url(access, 'employees', { include: 'contact_details,employment_details' }, options);
    for await (const page of this.http.pages<WondeEmployee>(url, access.token)) {
      yield page.filter((e) => e.employment_details?.data.current !== false).map(toStaff);
    }
  }

  async *deletions(access: MisAccess, options: MisReadOptions): AsyncGenerator<MisDeletion[]> {
    for await (const page of this.http.pages<WondeDeletion>(
      this.url(access, 'deletions', {}, options),
      access.token,
    )) {
      yield page.flatMap((d) => {
        const kind = DELETION_KINDS[d.type];
        return kind && !d.restored_at ? [{ kind, misId: d.id }] : [];
      });
    }
  }

  private url(
    access: MisAccess,
    resource: string,
    params: Record<string, string>,
    options: MisReadOptions = {},
  ): string {
    const url = new URL(
      `schools/${encodeURIComponent(access.externalSchoolId)}/${resource}`,
      access.baseUrl.endsWith('/') ? access.baseUrl : `${access.baseUrl}/`,
    );
    Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
    if (resource !== 'counts') {
      url.searchParams.set('per_page', String(PER_PAGE));
    }
    if (options.updatedAfter) {
      url.searchParams.set('updated_after', wondeTimestamp(options.updatedAfter));
    }
    return url.toString();
  }
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, a little early so a change in the same second is not missed. */
export function wondeTimestamp(at: Date): string {
  return new Date(at.getTime() - 60_000).toISOString().slice(0, 19).replace('T', ' ');
}
