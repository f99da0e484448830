import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { WondeHttpClient } from '@rowan/adapters/wonde/wonde-http.client';
import type { WondeStudent } from '@rowan/adapters/wonde/wonde-wire.types';
import { Contact, Pupil, type School } from '@rowan/directory';
import { createWorker } from '../../apps/worker/src/create-worker';
import { startWondeStandIn, type WondeStandIn } from '../../apps/sandbox/src/wonde/wonde-stand-in';
import { apiSettings, startApiStack, type ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';

jest.setTimeout(120_000);

const WONDE_ID = 'A1930499544';
const WONDE_TOKEN = 'e2e-wonde-token-123';

/** The directory filled from the sandbox Wonde through the real API, worker, adapter and MySQL. */
describe('MIS sync from Wonde (end to end)', () => {
  let stack: ApiStack;
  let worker: INestApplicationContext;
  let wonde: WondeStandIn;
  let school: School;
  let token: string;

  const api = () => ({
    put: (path: string, body: object) =>
      stack
        .http()
        .put(`/api/v1/schools/${school.id}${path}`)
        .set('authorization', `Bearer ${token}`)
        .send(body),
    post: (path: string, body: object) =>
      stack
        .http()
        .post(`/api/v1/schools/${school.id}${path}`)
        .set('authorization', `Bearer ${token}`)
        .send(body),
    get: (path: string) =>
      stack.http().get(`/api/v1/schools/${school.id}${path}`).set('authorization', `Bearer ${token}`),
  });

  async function sync(mode: 'full' | 'delta') {
    const requested = await api().post('/sync-runs', { mode });
    expect(requested.status).toBe(202);
    return eventually(
      async () => {
        const run = await api().get(`/sync-runs/${requested.body.id}`);
        return run.body.status === 'succeeded' || run.body.status === 'failed' ? run.body : undefined;
      },
      60_000,
      200,
    );
  }

  const pupilsInDb = () => stack.orm.em.fork().find(Pupil, { schoolId: school.id }, { filters: false });

  beforeAll(async () => {
    wonde = await startWondeStandIn({
      schools: [{ id: WONDE_ID, token: WONDE_TOKEN, seed: 'e2e-sync', pupils: 400, phase: 'primary' }],
      rateLimit: { every: 25 },
    });
    stack = await startApiStack();
    worker = await createWorker(loadConfig(WorkerConfig, apiSettings(stack.identity)), { schedules: false });
    school = await stack.make.school(await stack.make.trust());
    const { user } = await stack.make.member('school_admin', { school });
    token = await stack.token({ userId: user.identitySubject!, email: user.email });
    const connected = await api().put('/mis-connection', {
      wondeSchoolId: WONDE_ID,
      token: WONDE_TOKEN,
      baseUrl: wonde.url,
    });
    expect(connected.status).toBe(200);
    expect(JSON.stringify(connected.body)).not.toContain(WONDE_TOKEN);
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.close();
    await wonde?.close();
  });

  it('fills the directory on a full sync, through Wonde’s rate limit, with every name intact', async () => {
    const control = wonde.school(WONDE_ID);
    const run = await sync('full');
    expect(run).toMatchObject({ status: 'succeeded', percent: 100, phase: 'done' });
    expect(run.tally.pupils).toMatchObject({ added: control.summary().students, changed: 0 });
    expect(run.tally.staff.added).toBe(control.summary().employees);

    const stored = new Map((await pupilsInDb()).map((p) => [p.misId, p]));
    const students: WondeStudent[] = [];
    for await (const page of new WondeHttpClient().pages<WondeStudent>(
      `${wonde.url}schools/${WONDE_ID}/students?per_page=200`,
      WONDE_TOKEN,
    )) {
      students.push(...page);
    }
    expect(students.length).toBe(stored.size);
    const awkward = students.filter((s) => /[^A-Za-z -]/.test(`${s.forename}${s.surname}`));
    expect(awkward.length).toBeGreaterThan(5);
    for (const s of students) {
      expect([stored.get(s.id)?.preferredForename, stored.get(s.id)?.preferredSurname]).toEqual([
        s.forename,
        s.surname,
      ]);
    }
    const contacts = await stack.orm.em.fork().count(Contact, { schoolId: school.id }, { filters: false });
    expect(contacts).toBeGreaterThan(students.length * 1.3);
  });

  it('writes nothing when nothing changed', async () => {
    const before = new Map((await pupilsInDb()).map((p) => [p.id, p.updatedAt.getTime()]));
    const run = await sync('full');
    expect(run.tally.pupils).toMatchObject({ added: 0, changed: 0, left: 0 });
    expect(run.tally.contacts).toMatchObject({ added: 0, changed: 0 });
    expect((await pupilsInDb()).filter((p) => p.updatedAt.getTime() !== before.get(p.id))).toEqual([]);
  });

  it('touches exactly the ten pupils that changed on a delta sync', async () => {
    const control = wonde.school(WONDE_ID);
    const ten = control.ids('students').slice(0, 10);
    control.clearChanges();
    control.change({ ids: ten });
    const before = new Map((await pupilsInDb()).map((p) => [p.misId, p.updatedAt.getTime()]));
    const run = await sync('delta');
    expect(run.tally.pupils.changed).toBe(10);
    const touched = (await pupilsInDb())
      .filter((p) => p.updatedAt.getTime() !== before.get(p.misId))
      .map((p) => p.misId);
    expect(touched.sort()).toEqual([...ten].sort());
  });

  it('keeps a removed pupil as a leaver with a leave date, and one who left with the MIS’s date', async () => {
    const control = wonde.school(WONDE_ID);
    const [removed, leaving] = control.ids('students').slice(20, 22);
    control.removePupil(removed);
    control.makeLeaver({ id: leaving, leavingDate: '2026-11-20' });
    const run = await sync('delta');
    expect(run.tally.pupils.left).toBe(2);
    const byMis = new Map((await pupilsInDb()).map((p) => [p.misId, p]));
    expect(byMis.get(removed!)).toMatchObject({
      enrolment: 'left',
      leaveDate: new Date().toISOString().slice(0, 10),
    });
    expect(byMis.get(leaving!)).toMatchObject({ enrolment: 'left', leaveDate: '2026-11-20' });

    const leavers = await api().get('/pupils?enrolment=left');
    expect(leavers.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([byMis.get(removed!)!.id, byMis.get(leaving!)!.id]),
    );
  });

  it('shows a pupil with contacts in priority order and their channels', async () => {
    const list = await api().get('/pupils?limit=5');
    expect(list.status).toBe(200);
    const detail = await api().get(`/pupils/${list.body.items[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.contacts.length).toBeGreaterThan(0);
    const priorities = detail.body.contacts.map((c: { priority: number }) => c.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    for (const c of detail.body.contacts as Array<{ mobiles: string[] }>) {
      c.mobiles.forEach((m) => expect(m).toMatch(/^\+\d{10,15}$/));
    }
    const history = await api().get('/sync-runs');
    expect(history.body.items.length).toBe(4);
  });
  it('lists pupils in register order across pages, and shows the connection without its token', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api().get(`/pupils?limit=70${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      names.push(
        ...page.body.items.map(
          (p: { preferredSurname: string; preferredForename: string }) =>
            `${p.preferredSurname}\u0000${p.preferredForename}`,
        ),
      );
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names.length).toBe((await pupilsInDb()).filter((p) => p.enrolment === 'on_roll').length);
    const collated = await stack.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ n: string }>>(
        "select concat(preferred_surname, char(0), preferred_forename) as n from pupils where school_id = ? and enrolment = 'on_roll' order by preferred_surname, preferred_forename, id",
        [school.id],
      );
    expect(names).toEqual(collated.map((r) => r.n));

    const connection = await api().get('/mis-connection');
    expect(connection.body).toMatchObject({ provider: 'wonde', wondeSchoolId: WONDE_ID, baseUrl: wonde.url });
    expect(JSON.stringify(connection.body)).not.toContain(WONDE_TOKEN);
  });
  it('shows a contact with the children they are a contact of, and the school’s staff by surname', async () => {
    const pupil = (await api().get('/pupils?limit=1')).body.items[0];
    const detail = await api().get(`/pupils/${pupil.id}`);
    const contact = await api().get(`/contacts/${detail.body.contacts[0].id}`);
    expect(contact.status).toBe(200);
    expect(contact.body.children.map((c: { id: string }) => c.id)).toContain(pupil.id);

    const staff = await api().get('/staff?limit=200');
    expect(staff.status).toBe(200);
    expect(staff.body.items.length).toBe(wonde.school(WONDE_ID).summary().employees);
    const surnames = staff.body.items.map((s: { surname: string }) => s.surname);
    expect(surnames).toEqual([...surnames].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('picks up a pupil’s new school email on a delta sync, as Wonde lists it in their contact details', async () => {
    const control = wonde.school(WONDE_ID);
    const [id] = control.ids('students').slice(15, 16);
    control.clearChanges();
    control.change({ ids: [id!], kind: 'pupil-email' });
    const run = await sync('delta');
    expect(run.tally.pupils.changed).toBe(1);
    let student: WondeStudent | undefined;
    for await (const page of new WondeHttpClient().pages<WondeStudent>(
      `${wonde.url}schools/${WONDE_ID}/students?per_page=200&include=contact_details`,
      WONDE_TOKEN,
    )) {
      student ??= page.find((s) => s.id === id);
    }
    const expected = student?.contact_details?.data.emails.email;
    expect(expected).toMatch(/@/);
    const stored = (await pupilsInDb()).find((p) => p.misId === id);
    expect(stored?.email).toBe(expected?.toLowerCase());
    const detail = await api().get(`/pupils/${stored!.id}`);
    expect(detail.body.email).toBe(expected?.toLowerCase());
  });
});
