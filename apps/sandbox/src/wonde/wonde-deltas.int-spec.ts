import type {
  WondeContact,
  WondeDeletion,
  WondeEmployee,
  WondeGroup,
  WondeStudent,
} from '@rowan/adapters/wonde/wonde-wire.types';
import { wondeAll, wondeTime } from './testing/wonde-test-client';
import type { SchoolControl } from './school-control';
import { startWondeStandIn, type WondeStandIn } from './wonde-stand-in';

const school = {
  id: 'A1930499544',
  token: 'delta-token',
  seed: 'deltas',
  pupils: 300,
  phase: 'secondary' as const,
};
const ids = (records: ReadonlyArray<{ id: string }>) => records.map((record) => record.id).sort();

describe('Wonde stand-in: deltas after control changes', () => {
  let wonde: WondeStandIn;
  let control: SchoolControl;
  let now = Date.UTC(2026, 0, 12, 9, 0, 0);
  const base = () => `${wonde.url}schools/${school.id}/`;
  const list = async <T>(path: string) => (await wondeAll<T>(`${base()}${path}`, school.token)).items;
  /** Moves the clock on and returns `updated_after` for "since just before now". */
  const tick = (): string => {
    const since = wondeTime(now);
    now += 5_000;
    return encodeURIComponent(since);
  };

  beforeAll(async () => {
    wonde = await startWondeStandIn({ schools: [school], clock: () => now });
    control = wonde.school(school.id);
  });
  afterAll(() => wonde.close());
  beforeEach(() => control.clearChanges());

  it('returns nothing updated after a time when nothing has changed', async () => {
    const since = tick();
    expect(await list(`students?per_page=200&updated_after=${since}`)).toEqual([]);
    expect(await list(`contacts?per_page=200&updated_after=${since}`)).toEqual([]);
    expect(await list(`deletions?per_page=200&updated_after=${since}`)).toEqual([]);
  });

  it('returns exactly the records a change touched, on each endpoint', async () => {
    const since = tick();
    const changed = control.change({ count: 25 });
    expect(changed.students.length + changed.contacts.length + changed.employees.length).toBe(25);
    expect(ids(await list(`students?per_page=200&updated_after=${since}`))).toEqual(
      [...changed.students].sort(),
    );
    expect(ids(await list(`contacts?per_page=200&updated_after=${since}`))).toEqual(
      [...changed.contacts].sort(),
    );
    expect(ids(await list(`employees?per_page=200&updated_after=${since}`))).toEqual(
      [...changed.employees].sort(),
    );
    expect(ids(await list(`groups?per_page=200&updated_after=${since}`))).toEqual([...changed.groups].sort());
    expect(ids(await list(`classes?per_page=200&updated_after=${since}`))).toEqual(
      [...changed.classes].sort(),
    );
    expect(control.changes()).toEqual(changed);
  });

  it('applies a given kind to given ids and bumps updated_at to now', async () => {
    const [contactId] = control.ids('contacts');
    const since = tick();
    control.change({ ids: [contactId as string], kind: 'contact-email' });
    const [contact] = await list<WondeContact>(`contacts?include=contact_details&updated_after=${since}`);
    expect(contact?.id).toBe(contactId);
    expect(contact?.contact_details?.data.emails.email).toMatch(/@changed\.example\.com$/);
    expect(contact?.updated_at.date).toBe(`${wondeTime(now)}.000000`);
  });

  it('moves a pupil between classes and reports the classes whose membership changed', async () => {
    const [pupilId] = control.ids('students');
    const since = tick();
    const changed = control.change({ ids: [pupilId as string], kind: 'move-class' });
    expect(changed.students).toEqual([pupilId]);
    expect(changed.classes).toHaveLength(2);
    const [student] = await list<WondeStudent>(`students?include=classes&updated_after=${since}`);
    const now = student?.classes?.data.map((c) => c.id) ?? [];
    expect(changed.classes.filter((id) => now.includes(id))).toHaveLength(1);
    const moved = await list<{ id: string; students?: { data: WondeStudent[] } }>(
      `classes?include=students&updated_after=${since}`,
    );
    expect(ids(moved)).toEqual([...changed.classes].sort());
  });

  it('lists a removed pupil (and contacts left with no pupil) in deletions', async () => {
    const contacts = await list<WondeContact>('contacts?per_page=200&include=students');
    const sole = contacts.find((contact) => contact.students?.data.length === 1);
    const pupilId = sole?.students?.data[0]?.id as string;
    const since = tick();
    const changed = control.removePupil(pupilId);
    expect(changed.deletions).toEqual(expect.arrayContaining([pupilId, sole?.id]));
    expect(ids(await list('students?per_page=200'))).not.toContain(pupilId);
    const deletions = await list<WondeDeletion>(`deletions?updated_after=${since}`);
    expect(ids(deletions)).toEqual([...changed.deletions].sort());
    expect(deletions.find((row) => row.id === pupilId)).toMatchObject({
      type: 'student',
      mis_id: expect.any(String),
      deleted_at: { date: `${wondeTime(now)}.000000`, timezone_type: 3, timezone: 'UTC' },
      restored_at: null,
    });
    expect(ids(await list(`deletions?type=contact&updated_after=${since}`))).toContain(sole?.id);
  });

  it('moves a leaver from students to students-leaver with a leaving date, without a deletion', async () => {
    const [pupilId] = control.ids('students');
    const since = tick();
    const changed = control.makeLeaver({ id: pupilId as string, leavingDate: '2026-01-09' });
    expect(changed.leavers).toEqual([pupilId]);
    expect(ids(await list('students?per_page=200'))).not.toContain(pupilId);
    for (const path of ['students-leaver', 'student-leavers']) {
      const leavers = await list<WondeStudent>(`${path}?include=education_details&updated_after=${since}`);
      expect(leavers.map((s) => [s.id, s.education_details?.data.leaving_date?.date])).toEqual([
        [pupilId, '2026-01-09 00:00:00.000000'],
      ]);
    }
    expect(await list(`deletions?updated_after=${since}`)).toEqual([]);
    expect((await list('students-leaver?per_page=200')).length).toBe(control.summary().leavers);
  });

  it('admits a pupil from a new family, with new contacts, placed in year 8', async () => {
    const since = tick();
    const changed = control.addPupil({ ncYear: '8' });
    const [student] = await list<WondeStudent>(
      `students?include=contacts,education_details,registration&updated_after=${since}`,
    );
    expect(student?.id).toBe(changed.students[0]);
    expect(student?.education_details?.data.current_nc_year).toBe('8');
    expect(student?.registration?.data?.name).toMatch(/^8/);
    expect(ids(student?.contacts?.data ?? [])).toEqual([...changed.contacts].sort());
    expect(ids(await list(`contacts?updated_after=${since}`))).toEqual([...changed.contacts].sort());
    expect(ids(await list<WondeGroup>(`groups?per_page=200&updated_after=${since}`))).toEqual(
      [...changed.groups].sort(),
    );
  });

  it('offers the same controls over HTTP for other processes', async () => {
    const root = `${wonde.url.replace('/v1.0/', '')}/sandbox/wonde/schools/${school.id}`;
    const post = async (path: string, body: object) =>
      (
        await fetch(`${root}/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json() as Promise<Record<string, string[]>>;
    const since = tick();
    const changed = await post('change', { count: 5, kind: 'rename-employee' });
    expect(changed.employees).toHaveLength(5);
    expect(ids(await list<WondeEmployee>(`employees?updated_after=${since}`))).toEqual(
      [...(changed.employees ?? [])].sort(),
    );
    const leaver = await post('make-leaver', {});
    const removed = await post('remove-pupil', {});
    const added = await post('add-pupil', { ncYear: '7' });
    const all = (await (await fetch(`${root}/changes`)).json()) as Record<string, string[]>;
    expect(all).toMatchObject({ leavers: leaver.leavers, students: added.students });
    expect(all.deletions).toEqual(expect.arrayContaining(removed.deletions ?? []));
    expect((await fetch(`${root}/change`, { method: 'POST', body: '{"ids":["nobody"]}' })).status).toBe(400);
    const summary = (await (await fetch(root)).json()) as { students: number };
    expect(summary.students).toBe(control.summary().students);
  });
});
