import {
  Contact,
  DirectoryImport,
  Pupil,
  PupilContact,
  StaffMember,
  SyncRun,
  type School,
} from '@rowan/directory';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApiStack, type ApiStack } from '../support/api-stack';

const template = (name: string) =>
  readFileSync(resolve(__dirname, '../../apps/web/public/templates', `${name}.csv`), 'utf8');
const TEMPLATES = { pupils: template('pupils'), contacts: template('contacts'), staff: template('staff') };

/** The manual route: a school without Wonde uploads its directory as CSV, previews it, and applies it. */
describe('directory upload (CSV)', () => {
  let stack: ApiStack;

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      stack.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });
  const uploads = (school: School) => `/api/v1/schools/${school.id}/directory-imports`;
  const em = () => stack.orm.em.fork();
  const count = async (school: School) => ({
    pupils: await em().count(Pupil, { schoolId: school.id }, { filters: false }),
    contacts: await em().count(Contact, { schoolId: school.id }, { filters: false }),
    links: await em().count(PupilContact, { schoolId: school.id }, { filters: false }),
    staff: await em().count(StaffMember, { schoolId: school.id }, { filters: false }),
    runs: await em().count(SyncRun, { schoolId: school.id }, { filters: false }),
  });

  /** A school of its own for each test, with a school admin's token. */
  async function freshSchool(): Promise<{ school: School; token: string }> {
    const school = await stack.make.school(await stack.make.trust());
    const { user } = await stack.make.member('school_admin', { school });
    return { school, token: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  async function uploadAndApply(school: School, token: string, files: object) {
    const upload = await as(token).post(uploads(school), files);
    expect(upload.status).toBe(201);
    const applied = await as(token).post(`${uploads(school)}/${upload.body.id}/apply`);
    expect(applied.status).toBe(200);
    return { upload: upload.body, applied: applied.body };
  }

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack.close());

  it('previews an upload without changing anything, then applies all of it, names intact', async () => {
    const { school, token: office } = await freshSchool();

    const upload = await as(office).post(uploads(school), TEMPLATES);

    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ status: 'previewed', files: ['pupils', 'contacts', 'staff'] });
    expect(upload.body.preview.pupils).toMatchObject({
      added: 3,
      changed: 0,
      left: 0,
      samples: { added: ["Liv O'Brien", 'Zoë Müller-Łukasik', 'Wei Chen'] },
    });
    expect(upload.body.preview.contacts.added).toBe(4);
    expect(upload.body.preview.staff.samples.added).toEqual(['Aisha Khan', 'Tomás Ó Súilleabháin']);
    expect(await count(school)).toEqual({ pupils: 0, contacts: 0, links: 0, staff: 0, runs: 0 });

    const applied = await as(office).post(`${uploads(school)}/${upload.body.id}/apply`);

    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', runId: expect.any(String) });
    expect(await count(school)).toEqual({ pupils: 3, contacts: 4, links: 4, staff: 2, runs: 1 });
    const run = await as(office).get(`/api/v1/schools/${school.id}/sync-runs/${applied.body.runId}`);
    expect(run.body).toMatchObject({
      source: 'csv',
      status: 'succeeded',
      tally: { pupils: { added: 3 }, contacts: { added: 4 }, staff: { added: 2 } },
    });
    const pupils = await em().find(
      Pupil,
      { schoolId: school.id },
      { filters: false, orderBy: { misId: 'asc' } },
    );
    expect(
      pupils.map((p) => [p.legalForename, p.legalSurname, p.preferredForename, p.preferredSurname]),
    ).toEqual([
      ['Olivia', "O'Brien", 'Liv', "O'Brien"],
      ['Zoë', 'Müller-Łukasik', 'Zoë', 'Müller-Łukasik'],
      ['陈', '伟', 'Wei', 'Chen'],
    ]);
    const stored = await em().findOneOrFail(
      DirectoryImport,
      { id: upload.body.id },
      { filters: false, populate: ['records'] },
    );
    expect(stored.records).toBeNull();
  });

  it('refuses a CSV with one bad row, naming its line and column, and stores nothing', async () => {
    const { school, token } = await freshSchool();
    const pupils = TEMPLATES.pupils.replace('2017-07-02', '2017-13-02');

    const response = await as(token).post(uploads(school), { ...TEMPLATES, pupils });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([
      {
        field: 'pupils',
        line: 3,
        column: 'date_of_birth',
        message:
          'pupils.csv line 3, column date_of_birth: must be a date like 2016-09-01 or 01/09/2016, not “2017-13-02”',
      },
    ]);
    expect(await count(school)).toEqual({ pupils: 0, contacts: 0, links: 0, staff: 0, runs: 0 });
    expect(await em().count(DirectoryImport, { schoolId: school.id }, { filters: false })).toBe(0);
    expect(await stack.make.auditCount({ schoolId: school.id })).toBe(0);
  });

  it('previews and applies a second upload: a pupil left out becomes a leaver today, a changed one is updated', async () => {
    const { school, token } = await freshSchool();
    await uploadAndApply(school, token, TEMPLATES);
    const lines = TEMPLATES.pupils.trim().split('\n');
    const pupils = [lines[0], lines[1]!.replace(',5C,', ',5J,'), lines[2]].join('\n');
    const contacts = TEMPLATES.contacts
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('1003,'))
      .join('\n');

    const { upload } = await uploadAndApply(school, token, { pupils, contacts });

    expect(upload.preview.pupils).toMatchObject({
      added: 0,
      changed: 1,
      left: 1,
      unchanged: 1,
      samples: { changed: ["Liv O'Brien"], left: ['Wei Chen'] },
    });
    expect(upload.preview.contacts).toMatchObject({ left: 1, samples: { left: ['Jun Chen'] } });
    const wei = await em().findOneOrFail(Pupil, { schoolId: school.id, misId: '1003' }, { filters: false });
    expect(wei).toMatchObject({ enrolment: 'left', leaveDate: new Date().toISOString().slice(0, 10) });
    const olivia = await em().findOneOrFail(
      Pupil,
      { schoolId: school.id, misId: '1001' },
      { filters: false },
    );
    expect(olivia.registrationGroup).toBe('5J');
    expect(await em().count(StaffMember, { schoolId: school.id, active: true }, { filters: false })).toBe(2);
  });

  it('applies nothing when the database fails half way, and records the failed attempt', async () => {
    const { school, token } = await freshSchool();
    const upload = await as(token).post(uploads(school), TEMPLATES);
    const connection = em().getConnection();
    // Staff are written last: the pupils, contacts and links are already written when this refuses.
    await connection.execute(
      `create trigger refuse_staff_${school.id.replace(/-/g, '')} before insert on staff_members for each row
       begin if new.school_id = '${school.id}' then signal sqlstate '45000' set message_text = 'The disk is full'; end if; end`,
    );
    try {
      const applied = await as(token).post(`${uploads(school)}/${upload.body.id}/apply`);

      expect(applied.status).toBe(500);
    } finally {
      await connection.execute(`drop trigger refuse_staff_${school.id.replace(/-/g, '')}`);
    }
    expect(await count(school)).toMatchObject({ pupils: 0, contacts: 0, links: 0, staff: 0, runs: 1 });
    const runs = await as(token).get(`/api/v1/schools/${school.id}/sync-runs`);
    expect(runs.body.items[0]).toMatchObject({
      source: 'csv',
      status: 'failed',
      error: expect.stringContaining('The disk is full'),
    });
    const again = await as(token).post(`${uploads(school)}/${upload.body.id}/apply`);
    expect(again.status).toBe(200);
    expect(await count(school)).toEqual({ pupils: 3, contacts: 4, links: 4, staff: 2, runs: 2 });
  });

  it('refuses a stale preview, a second apply, and uploads to a school synced through Wonde', async () => {
    const { school, token } = await freshSchool();
    const first = await as(token).post(uploads(school), TEMPLATES);
    const second = await as(token).post(uploads(school), { staff: TEMPLATES.staff });
    expect((await as(token).post(`${uploads(school)}/${second.body.id}/apply`)).status).toBe(200);

    const stale = await as(token).post(`${uploads(school)}/${first.body.id}/apply`);
    const twice = await as(token).post(`${uploads(school)}/${second.body.id}/apply`);

    expect([stale.status, stale.body.code]).toEqual([409, 'DIRECTORY.IMPORT_STALE']);
    expect([twice.status, twice.body.code]).toEqual([409, 'DIRECTORY.IMPORT_APPLIED']);
    expect(await count(school)).toMatchObject({ pupils: 0, staff: 2 });
    await stack
      .http()
      .put(`/api/v1/schools/${school.id}/mis-connection`)
      .set('authorization', `Bearer ${await adminOf(school)}`)
      .send({ wondeSchoolId: 'A1930499544', token: 'a-wonde-token-123', baseUrl: 'http://127.0.0.1:1/v1.0/' })
      .expect(200);
    const refused = await as(token).post(uploads(school), TEMPLATES);
    expect([refused.status, refused.body.code]).toEqual([409, 'DIRECTORY.MIS_CONNECTED']);
  });

  it('asks for contacts with pupils, and lets a teacher see an upload but not make one', async () => {
    const { school, token } = await freshSchool();
    const missing = await as(token).post(uploads(school), { pupils: TEMPLATES.pupils });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'contacts' })]);
    const upload = await as(token).post(uploads(school), { staff: TEMPLATES.staff });
    const { user } = await stack.make.member('teacher', { school });
    const teacher = await stack.token({ userId: user.identitySubject!, email: user.email });

    expect((await as(teacher).post(uploads(school), { staff: TEMPLATES.staff })).status).toBe(403);
    expect((await as(teacher).post(`${uploads(school)}/${upload.body.id}/apply`)).status).toBe(403);
    expect((await as(teacher).get(`${uploads(school)}/${upload.body.id}`)).body.preview.staff.added).toBe(2);
  });

  async function adminOf(school: School): Promise<string> {
    const { user } = await stack.make.member('school_admin', { school });
    return stack.token({ userId: user.identitySubject!, email: user.email });
  }
});
