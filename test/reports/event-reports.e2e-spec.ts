import type { Pupil, School } from '@rowan/directory';
import type { SchoolEvent } from '@rowan/events';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { v7 } from 'uuid';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventsKit } from '../support/events-kit';
import { reportsKit } from '../support/reports-kit';

/**
 * Event reports and their CSV and Excel exports over the real API and MariaDB: what a report counts is what was
 * seeded, a name that looks like a formula comes out as text, and no school reads another's report.
 */
describe('reports: participation, equity and the trust summary, with exports', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack.close());

  const { as } = eventsKit(() => stack);
  const { sql, invite, book, flag, mark: present } = reportsKit(() => stack.orm);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const RANGE = `from=${day(-1)}&to=${day(30)}`;

  async function staff(role: 'school_admin' | 'teacher' | 'office', school: School) {
    const { user } = await stack.make.member(role, { school });
    return { user, token: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  async function workbook(token: string, url: string) {
    const res = await as(token).get(url).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    return { res, sheet: book.worksheets[0]! };
  }

  async function csv(token: string, url: string) {
    const res = await as(token).get(url).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return { res, rows: parse(text.slice(1), { columns: true }) as Array<Record<string, string>> };
  }

  describe('participation in one event', () => {
    let school: School;
    let admin: { user: { id: string }; token: string };
    let event: SchoolEvent;
    const pupils: Record<string, Pupil> = {};

    beforeAll(async () => {
      school = await stack.make.school(await stack.make.trust());
      admin = await staff('school_admin', school);
      event = await stack.make.event(school, admin.user.id as never, 'published');
      pupils.formula = await stack.make.pupil(school, '=HYPERLINK("http://evil.test","x")', 'Aardvark', 5);
      pupils.at = await stack.make.pupil(school, 'Bea', '@SUM(A1)', 5);
      pupils.offered = await stack.make.pupil(school, 'Cal', 'Brown', 5);
      pupils.cancelled = await stack.make.pupil(school, 'Dee', 'Cole', 5);
      pupils.silent = await stack.make.pupil(school, 'Eve', 'Dunn', 5);
      pupils.uninvited = await stack.make.pupil(school, 'Fay', 'Uninvited', 5);
      await invite(event, [pupils.formula, pupils.at, pupils.offered, pupils.cancelled, pupils.silent]);
      await flag(pupils.formula, 'pupil_premium');
      await flag(pupils.at, 'free_school_meals');
      await flag(pupils.offered, 'sen', 'sen_support');
      await flag(pupils.silent, 'sen', 'none');
      const confirmed = await book(event, pupils.formula, 'confirmed', admin.user.id);
      await book(event, pupils.at, 'waitlisted', admin.user.id);
      await book(event, pupils.offered, 'offered', admin.user.id);
      await book(event, pupils.cancelled, 'cancelled', admin.user.id);
      const questionId = randomUUID();
      await sql(
        'insert into event_consent_forms (event_id, school_id, questions, updated_at) values (?, ?, ?, now(3))',
        [
          event.id,
          school.id,
          JSON.stringify([
            { id: questionId, kind: 'yes_no', label: 'May they go?', required: true, options: [] },
          ]),
        ],
      );
      await sql(
        `insert into event_consents (booking_id, guardian_id, school_id, event_id, answers, stale, given_at)
         values (?, ?, ?, ?, ?, 0, now(3))`,
        [confirmed, admin.user.id, school.id, event.id, JSON.stringify([{ questionId, value: true }])],
      );
      await present(event, confirmed, admin.user.id);
    });

    const base = () => `/api/v1/schools/${school.id}/events/${event.id}/reports`;

    it('lists every invited pupil with flags, booking state, consent and attendance, paged by name', async () => {
      const first = await as(admin.token).get(`${base()}/participation?limit=3`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ eventId: event.id, hasConsentForm: true, registers: 1 });
      expect(first.body.items).toHaveLength(3);
      const second = await as(admin.token).get(
        `${base()}/participation?limit=3&cursor=${first.body.nextCursor as string}`,
      );
      expect(second.status).toBe(200);
      expect(second.body.nextCursor).toBeNull();
      const items = [...first.body.items, ...second.body.items] as Array<Record<string, unknown>>;
      expect(items).toHaveLength(5);
      const by = (p: Pupil) => items.find((i) => i.pupilId === p.id);
      expect(by(pupils.formula!)).toMatchObject({
        state: 'confirmed',
        consent: 'given',
        pupilPremium: true,
        freeSchoolMeals: false,
        sen: false,
        sessionsPresent: 1,
        sessionsAbsent: 0,
        yearGroup: 'Year 5',
        registrationGroup: '5B',
      });
      expect(by(pupils.at!)).toMatchObject({
        state: 'waitlisted',
        consent: 'missing',
        freeSchoolMeals: true,
      });
      expect(by(pupils.offered!)).toMatchObject({ state: 'offered', sen: true });
      expect(by(pupils.cancelled!)).toMatchObject({ state: 'cancelled', consent: null });
      expect(by(pupils.silent!)).toMatchObject({ state: 'not_responded', consent: null, sen: false });
      expect(by(pupils.uninvited!)).toBeUndefined();
    });

    it('exports CSV with a BOM, and formula-like names as text', async () => {
      const { res, rows } = await csv(admin.token, `${base()}/participation/export?format=csv`);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="participation-trip-[a-z0-9-]+\.csv"$/,
      );
      expect(rows).toHaveLength(5);
      const formula = rows.find((r) => r.Surname === 'Aardvark')!;
      expect(formula.Forename).toBe('\'=HYPERLINK("http://evil.test","x")');
      expect(formula).toMatchObject({
        Booking: 'confirmed',
        Consent: 'given',
        'Pupil Premium': 'Yes',
        FSM: 'No',
        'Sessions present': '1',
      });
      expect(rows.find((r) => r.Forename === 'Bea')!.Surname).toBe("'@SUM(A1)");
      expect(rows.map((r) => r.Booking).sort()).toEqual(
        ['cancelled', 'confirmed', 'not responded', 'offered', 'waitlisted'].sort(),
      );
    });

    it('exports XLSX whose formula-like cells are strings, never formulas, and counts numbers', async () => {
      const { res, sheet } = await workbook(admin.token, `${base()}/participation/export?format=xlsx`);
      expect(res.headers['content-disposition']).toMatch(/filename="participation-trip-[a-z0-9-]+\.xlsx"$/);
      expect(sheet.getRow(1).getCell(1).value).toBe('Surname');
      expect(sheet.rowCount).toBe(6);
      const rows = Array.from({ length: 5 }, (_, i) => sheet.getRow(i + 2));
      const formula = rows.find((r) => r.getCell(1).value === 'Aardvark')!;
      const cell = formula.getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe('\'=HYPERLINK("http://evil.test","x")');
      expect(cell.formula).toBeUndefined();
      const at = rows.find((r) => r.getCell(2).value === 'Bea')!.getCell(1);
      expect(at.type).toBe(ExcelJS.ValueType.String);
      expect(at.value).toBe("'@SUM(A1)");
      expect(formula.getCell(10).type).toBe(ExcelJS.ValueType.Number);
      expect(formula.getCell(10).value).toBe(1);
      expect(formula.getCell(8).value).toBe('confirmed');
    });

    it('streams an event of more pupils than one page holds, each once', async () => {
      const big = await stack.make.event(school, admin.user.id as never, 'published', 2000);
      const ids = Array.from({ length: 1203 }, () => v7());
      await sql(
        `insert into pupils (id, school_id, mis_id, legal_forename, legal_surname, preferred_forename,
           preferred_surname, nc_year, year_group, registration_group, enrolment, fingerprint, created_at, updated_at)
         values ${ids.map(() => "(?, ?, ?, 'Same', 'Name', 'Same', 'Name', 5, 'Year 5', '5B', 'on_roll', 'fp', now(3), now(3))").join(', ')}`,
        ids.flatMap((id) => [id, school.id, `mis-${id}`]),
      );
      await sql(
        `insert into event_invitations (event_id, pupil_id, school_id, may_take_reserved, created_at)
         values ${ids.map(() => '(?, ?, ?, 0, now(3))').join(', ')}`,
        ids.flatMap((id) => [big.id, id, school.id]),
      );
      const { rows } = await csv(
        admin.token,
        `/api/v1/schools/${school.id}/events/${big.id}/reports/participation/export`,
      );
      expect(rows).toHaveLength(1203);
      expect(new Set(rows.map((r) => r.Booking))).toEqual(new Set(['not responded']));
      const { sheet } = await workbook(
        admin.token,
        `/api/v1/schools/${school.id}/events/${big.id}/reports/participation/export?format=xlsx`,
      );
      expect(sheet.rowCount).toBe(1204);
    });

    it('refuses a format it does not know with a problem naming format', async () => {
      const res = await as(admin.token).get(`${base()}/participation/export?format=pdf`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
    });

    it('shows another school’s staff nothing, and a teacher is refused', async () => {
      const other = await stack.make.school(await stack.make.trust());
      const foreign = await staff('school_admin', other);
      for (const path of [
        'participation',
        'participation/export?format=csv',
        'participation/export?format=xlsx',
        'equity',
        'equity/export',
      ]) {
        const res = await as(foreign.token).get(`${base()}/${path}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('Aardvark');
      }
      // Their own school id with this event: still not theirs.
      const crossed = await as(foreign.token).get(
        `/api/v1/schools/${other.id}/events/${event.id}/reports/participation/export`,
      );
      expect(crossed.status).toBe(404);
      const teacher = await staff('teacher', school);
      expect((await as(teacher.token).get(`${base()}/participation`)).status).toBe(403);
      expect((await as(teacher.token).get(`${base()}/participation/export`)).status).toBe(403);
    });
  });

  describe('equity, groups and the trust', () => {
    let trust: Awaited<ReturnType<ApiStack['make']['trust']>>;
    let school: School;
    let quiet: School;
    let admin: { user: { id: string }; token: string };
    let event: SchoolEvent;

    beforeAll(async () => {
      trust = await stack.make.trust(`Equity Trust ${randomUUID().slice(0, 6)}`);
      school = await stack.make.school(trust, `Equity School ${randomUUID().slice(0, 6)}`);
      quiet = await stack.make.school(trust, `Quiet School ${randomUUID().slice(0, 6)}`);
      admin = await staff('school_admin', school);
      event = await stack.make.event(school, admin.user.id as never, 'published');
      // 4 Pupil Premium pupils, 3 booked; 6 others, 2 booked (and one on the waiting list, not booked).
      const pp = await Promise.all([1, 2, 3, 4].map((i) => stack.make.pupil(school, `Pp${i}`, 'Equity', 5)));
      const others = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((i) => stack.make.pupil(school, `Other${i}`, 'Equity', 5)),
      );
      await invite(event, [...pp, ...others]);
      for (const p of pp) {
        await flag(p, 'pupil_premium');
      }
      await flag(pp[0]!, 'free_school_meals');
      await flag(others[0]!, 'free_school_meals');
      const marks: string[] = [];
      for (const p of pp.slice(0, 3)) {
        marks.push(await book(event, p, 'confirmed', admin.user.id));
      }
      for (const p of others.slice(0, 2)) {
        marks.push(await book(event, p, 'confirmed', admin.user.id));
      }
      await book(event, others[2]!, 'waitlisted', admin.user.id);
      await present(event, marks[0]!, admin.user.id);
      await present(event, marks[3]!, admin.user.id);
      await present(event, marks[4]!, admin.user.id, false);
      // A draft and a parents' evening are not counted.
      const draft = await stack.make.event(school, admin.user.id as never, 'draft');
      await invite(draft, pp);
    });

    it('gives an event’s take-up by characteristic against the rest of those invited', async () => {
      const res = await as(admin.token).get(`/api/v1/schools/${school.id}/events/${event.id}/reports/equity`);
      expect(res.status).toBe(200);
      expect(res.body.all).toEqual({ invited: 10, booked: 5, rate: 0.5 });
      const pp = res.body.lines.find((l: { group: string }) => l.group === 'pupil_premium');
      expect(pp.with).toEqual({ invited: 4, booked: 3, rate: 0.75 });
      expect(pp.without).toEqual({ invited: 6, booked: 2, rate: 2 / 6 });
      expect(pp.gapPoints).toBe(41.7);
      const fsm = res.body.lines.find((l: { group: string }) => l.group === 'free_school_meals');
      expect(fsm.with).toEqual({ invited: 2, booked: 2, rate: 1 });
      expect(fsm.without).toEqual({ invited: 8, booked: 3, rate: 3 / 8 });

      const { rows } = await csv(
        admin.token,
        `/api/v1/schools/${school.id}/events/${event.id}/reports/equity/export`,
      );
      expect(rows[0]).toMatchObject({
        Pupils: 'Pupil Premium',
        Invited: '4',
        Booked: '3',
        'Take-up (%)': '75',
        'Others invited': '6',
        'Others booked': '2',
        'Others take-up (%)': '33.3',
      });
    });

    it('gives the school’s take-up across events in a range, as JSON and Excel', async () => {
      const url = `/api/v1/schools/${school.id}/reports/equity?${RANGE}`;
      const res = await as(admin.token).get(url);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: day(-1), to: day(30), all: { invited: 10, booked: 5 } });
      expect(res.body.lines[0]).toMatchObject({ group: 'pupil_premium', with: { invited: 4, booked: 3 } });
      const { sheet } = await workbook(
        admin.token,
        `/api/v1/schools/${school.id}/reports/equity/export?format=xlsx&${RANGE}`,
      );
      const pp = sheet.getRow(2);
      expect(pp.getCell(1).value).toBe('Pupil Premium');
      expect(pp.getCell(4).type).toBe(ExcelJS.ValueType.Number);
      expect(pp.getCell(4).value).toBe(75);
      expect(pp.getCell(7).value).toBe(33.3);
      const outside = await as(admin.token).get(
        `/api/v1/schools/${school.id}/reports/equity?from=${day(40)}&to=${day(50)}`,
      );
      expect(outside.body.all).toEqual({ invited: 0, booked: 0, rate: null });
      const backwards = await as(admin.token).get(
        `/api/v1/schools/${school.id}/reports/equity?from=${day(5)}&to=${day(1)}`,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('gives a year group’s and a class’s events with invited, booked and attended', async () => {
      const year = await as(admin.token).get(
        `/api/v1/schools/${school.id}/reports/group-participation?ncYear=5&${RANGE}`,
      );
      expect(year.status).toBe(200);
      expect(year.body.events).toEqual([
        expect.objectContaining({ eventId: event.id, invited: 10, booked: 5, attended: 2 }),
      ]);
      const klass = await as(admin.token).get(
        `/api/v1/schools/${school.id}/reports/group-participation?registrationGroup=5B&${RANGE}`,
      );
      expect(klass.body.events).toEqual([expect.objectContaining({ invited: 10, booked: 5, attended: 2 })]);
      const none = await as(admin.token).get(
        `/api/v1/schools/${school.id}/reports/group-participation?ncYear=6&${RANGE}`,
      );
      expect(none.body.events).toEqual([]);
      const neither = await as(admin.token).get(`/api/v1/schools/${school.id}/reports/group-participation`);
      expect(neither.status).toBe(400);
      const { rows } = await csv(
        admin.token,
        `/api/v1/schools/${school.id}/reports/group-participation/export?ncYear=5&${RANGE}`,
      );
      expect(rows).toEqual([
        expect.objectContaining({ Event: event.title, Invited: '10', Booked: '5', Attended: '2' }),
      ]);
    });

    it('gives trust admins each school’s events and take-up; school roles are refused', async () => {
      const { user } = await stack.make.member('trust_admin', { trust });
      const trustAdmin = await stack.token({ userId: user.identitySubject!, email: user.email });
      const url = `/api/v1/trusts/${trust.id}/reports/events?${RANGE}`;
      const res = await as(trustAdmin).get(url);
      expect(res.status).toBe(200);
      expect(res.body.schools.map((s: { schoolId: string }) => s.schoolId).sort()).toEqual(
        [school.id, quiet.id].sort(),
      );
      const mine = res.body.schools.find((s: { schoolId: string }) => s.schoolId === school.id);
      expect(mine).toMatchObject({
        events: 1,
        all: { invited: 10, booked: 5, rate: 0.5 },
        pupilPremium: { invited: 4, booked: 3, rate: 0.75 },
        freeSchoolMeals: { invited: 2, booked: 2, rate: 1 },
      });
      expect(res.body.schools.find((s: { schoolId: string }) => s.schoolId === quiet.id)).toMatchObject({
        events: 0,
        all: { invited: 0, rate: null },
      });
      const { rows } = await csv(trustAdmin, `/api/v1/trusts/${trust.id}/reports/events/export?${RANGE}`);
      expect(rows.find((r) => r.School === school.name)).toMatchObject({
        'Events run': '1',
        'Take-up (%)': '50',
        'PP take-up (%)': '75',
      });

      for (const path of [url, `/api/v1/trusts/${trust.id}/reports/events/export`]) {
        expect((await as(admin.token).get(path)).status).toBe(403);
      }
      const otherTrustAdmin = await stack.make.member('trust_admin', { trust: await stack.make.trust() });
      const otherToken = await stack.token({
        userId: otherTrustAdmin.user.identitySubject!,
        email: otherTrustAdmin.user.email,
      });
      expect((await as(otherToken).get(url)).status).toBe(404);
      expect((await as(otherToken).get(`/api/v1/schools/${school.id}/reports/equity`)).status).toBe(404);
    });
  });
});
