import type {
  WondeClass,
  WondeContact,
  WondeCounts,
  WondeEmployee,
  WondeGroup,
  WondePage,
  WondeStudent,
} from '@rowan/adapters/wonde/wonde-wire.types';
import { wondeAll, wondeGet } from './testing/wonde-test-client';
import { startWondeStandIn, type WondeStandIn } from './wonde-stand-in';

const school = {
  id: 'A1930499544',
  token: 'paging-token',
  seed: 'paging',
  pupils: 450,
  phase: 'secondary' as const,
};

describe('Wonde stand-in: paging and includes', () => {
  let wonde: WondeStandIn;
  const base = () => `${wonde.url}schools/${school.id}/`;

  beforeAll(async () => {
    wonde = await startWondeStandIn({ schools: [school], pageSizeMax: 200 });
  });
  afterAll(() => wonde.close());

  it('serves the base URL like Wonde: /v1.0/ on loopback', () => {
    expect(wonde.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/$/);
  });

  it('pages students with absolute next links until the last page', async () => {
    const first = await wondeGet<WondePage<WondeStudent>>(`${base()}students?per_page=200`, school.token);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(200);
    expect(first.body.meta?.pagination).toEqual({
      next: `${base()}students?per_page=200&page=2`,
      previous: null,
      more: true,
      per_page: 200,
      current_page: 1,
    });
    const { items, pages } = await wondeAll<WondeStudent>(`${base()}students?per_page=200`, school.token);
    expect(pages).toBe(3);
    expect(items).toHaveLength(450);
    expect(new Set(items.map((student) => student.id)).size).toBe(450);
    const last = await wondeGet<WondePage<WondeStudent>>(
      `${base()}students?per_page=200&page=3`,
      school.token,
    );
    expect(last.body.meta?.pagination).toMatchObject({ next: null, more: false, current_page: 3 });
    expect(last.body.meta?.pagination?.previous).toBe(`${base()}students?per_page=200&page=2`);
  });

  it('defaults to 50 a page and caps per_page at pageSizeMax', async () => {
    const byDefault = await wondeGet<WondePage<WondeStudent>>(`${base()}students`, school.token);
    expect(byDefault.body.data).toHaveLength(50);
    expect(byDefault.body.meta?.pagination?.per_page).toBe(50);
    const capped = await wondeGet<WondePage<WondeStudent>>(`${base()}students?per_page=1000`, school.token);
    expect(capped.body.data).toHaveLength(200);
    expect(capped.body.meta?.pagination?.per_page).toBe(200);
  });

  it('omits the pagination object for 50 rows or fewer when per_page is not given (as Wonde documents)', async () => {
    const houses = await wondeGet<WondePage<WondeGroup>>(`${base()}groups`, school.token);
    expect(houses.body.meta?.pagination).toBeUndefined();
    const { items } = await wondeAll<WondeGroup>(`${base()}groups?per_page=10`, school.token);
    expect(items.map((group) => group.id)).toEqual(houses.body.data.map((group) => group.id));
  });

  it('includes nested blocks: contacts.contact_details, extended and education details, year, groups, classes', async () => {
    const include =
      'contacts.contact_details,extended_details,education_details,year,registration,groups,classes';
    const { items } = await wondeAll<WondeStudent>(
      `${base()}students?per_page=200&include=${include}`,
      school.token,
    );
    const student = items.find((s) => (s.contacts?.data.length ?? 0) >= 2) as WondeStudent;
    expect(student.date_of_birth).toEqual({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d 00:00:00\.000000$/),
      timezone_type: 3,
      timezone: 'Europe/London',
    });
    expect(student.updated_at.timezone).toBe('UTC');
    expect(student.extended_details?.data).toMatchObject({
      sen_status: expect.stringMatching(/^[NKE]$/),
      premium_pupil_indicator: expect.any(Boolean),
    });
    expect(student.education_details?.data).toMatchObject({
      upn: expect.stringMatching(/^[A-Z]\d{12}$/),
      current_nc_year: expect.stringMatching(/^(7|8|9|10|11|12|13)$/),
      leaving_date: null,
    });
    expect(student.year?.data).toMatchObject({
      type: 'YEAR',
      code: student.education_details?.data.current_nc_year,
    });
    expect(student.registration?.data?.type).toBe('REGISTRATION');
    expect(student.groups?.data.map((group) => group.type)).toEqual(
      expect.arrayContaining(['YEAR', 'REGISTRATION', 'HOUSE']),
    );
    expect(student.classes?.data.length).toBeGreaterThanOrEqual(3);
    const [first, second] = student.contacts?.data as WondeContact[];
    expect(first?.relationship).toMatchObject({
      priority: 1,
      relationship: expect.any(String),
      parental_responsibility: expect.any(Boolean),
      lives_with_pupil: expect.any(Boolean),
    });
    expect(second?.relationship?.priority).toBe(2);
    expect(first?.contact_details?.data.emails).toHaveProperty('email');
    expect(first?.contact_details?.data.phones).toHaveProperty('mobile');
    expect(items.every((s) => s.education_details?.data.upn && !('upn' in s))).toBe(true);
    const plain = await wondeGet<WondePage<WondeStudent>>(`${base()}students?per_page=1`, school.token);
    expect(plain.body.data[0]).not.toHaveProperty('contacts');
    expect(plain.body.data[0]).not.toHaveProperty('extended_details');
  });

  it('shares one contact record between siblings, with a relationship per pupil', async () => {
    const { items } = await wondeAll<WondeContact>(
      `${base()}contacts?per_page=200&include=students,contact_details`,
      school.token,
    );
    const shared = items.filter((contact) => (contact.students?.data.length ?? 0) >= 2);
    expect(shared.length).toBeGreaterThan(10);
    expect(shared[0]).not.toHaveProperty('relationship');
  });

  it('serves employees, groups and classes with their includes', async () => {
    const staff = await wondeAll<WondeEmployee>(
      `${base()}employees?per_page=200&include=employment_details,contact_details,classes`,
      school.token,
    );
    expect(staff.items).toHaveLength(45);
    expect(staff.items.every((e) => e.contact_details?.data.emails.email?.includes('@'))).toBe(true);
    expect(staff.items[0]?.employment_details?.data).toMatchObject({
      current: true,
      role_text: 'Headteacher',
    });
    const classes = await wondeAll<WondeClass>(
      `${base()}classes?per_page=200&include=students,employees,subject`,
      school.token,
    );
    const klass = classes.items[0] as WondeClass;
    expect(klass.subject).toEqual({
      data: {
        id: expect.any(String),
        mis_id: expect.any(String),
        code: expect.any(String),
        name: expect.any(String),
      },
    });
    expect(klass.students?.data.length).toBeGreaterThan(5);
    expect(klass.employees?.data.length).toBeGreaterThanOrEqual(1);
    const nested = await wondeGet<WondePage<WondeStudent>>(
      `${base()}students?per_page=1&include=classes.employees`,
      school.token,
    );
    expect(nested.body.data[0]?.classes?.data[0]?.employees?.data[0]?.id).toEqual(expect.any(String));
  });

  it('serves one record, and counts', async () => {
    const [student] = (await wondeGet<WondePage<WondeStudent>>(`${base()}students?per_page=1`, school.token))
      .body.data;
    const one = await wondeGet<{ data: WondeStudent }>(
      `${base()}students/${student?.id}?include=education_details`,
      school.token,
    );
    expect(one.body.data).toMatchObject({ id: student?.id, education_details: { data: expect.any(Object) } });
    const counts = await wondeGet<WondeCounts>(`${base()}counts?include=students,employees`, school.token);
    expect(counts.body).toEqual({
      data: { students: { data: { count: 450 } }, employees: { data: { count: 45 } } },
    });
  });
});
