import { Membership } from '@rowan/access';
import { Contact, type Pupil, type School } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from './api-stack';

/** Day, people and evenings for the parents' evening tests, over the real API (the stack once it has started). */
export function parentsEveningKit(stackOf: () => ApiStack) {
  const stack = {
    http: () => stackOf().http(),
    token: (...args: Parameters<ApiStack['token']>) => stackOf().token(...args),
    get orm() {
      return stackOf().orm;
    },
    get make() {
      return stackOf().make;
    },
  };
  const as = (token: string) => ({
    post: (path: string, body: object = {}, headers: Record<string, string> = {}) =>
      stack.http().post(path).set('authorization', `Bearer ${token}`).set(headers).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });
  const sql = (query: string, params: unknown[] = []) =>
    stack.orm.em.fork().getConnection().execute(query, params);

  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

  async function school() {
    const s = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(s, { quietHours: null });
    const { user } = await stack.make.member('school_admin', { school: s });
    return { school: s, staff: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  async function teacher(s: School, surname: string): Promise<string> {
    const id = v7();
    await sql(
      `insert into staff_members (id, school_id, mis_id, title, forename, surname, job_title, email, active,
         fingerprint, created_at, updated_at) values (?, ?, ?, 'Ms', 'Tess', ?, 'Teacher', null, 1, 'fp', now(3), now(3))`,
      [id, s.id, `mis-${randomUUID()}`, surname],
    );
    return id;
  }

  /** A contact with a parent account for these children (with parental responsibility unless told otherwise). */
  async function parent(s: School, children: Pupil[], options: { responsibility?: boolean } = {}) {
    const contact = await stack.make.contact(s, 'Pat', `Parent ${randomUUID().slice(0, 4)}`);
    for (const child of children) {
      await stack.make.link(child, contact);
    }
    if (options.responsibility === false) {
      await sql('update pupil_contacts set parental_responsibility = 0 where contact_id = ?', [contact.id]);
    }
    const user = await stack.make.user('Pat', 'Parent');
    const em = stack.orm.em.fork();
    await em.nativeUpdate(Contact, { id: contact.id }, { userId: user.id }, { filters: false });
    em.persist(new Membership(v7(), user.id, s.trustId, s.id, 'parent', 'active', new Date(), new Date()));
    await em.flush();
    return stack.token({ userId: user.identitySubject!, email: user.email, mfa: false });
  }

  /** Teachers each with the classes they see; 16:00 to 17:00 in 10-minute slots with a break at 16:30. */
  async function evening(
    staff: string,
    s: School,
    teachers: readonly { staffId: string; groupIds: string[] }[],
    options: { until?: string; separateBookings?: boolean } = {},
  ): Promise<string> {
    const until = options.until ?? '17:00';
    const created = await as(staff).post(`/api/v1/schools/${s.id}/parents-evenings`, {
      title: `Evening ${randomUUID().slice(0, 6)}`,
      slotMinutes: 10,
      mode: 'in_person',
      eligibility: { ncYears: [5] },
      ...(options.separateBookings === undefined ? {} : { separateBookings: options.separateBookings }),
      teachers: teachers.map((t) => ({
        ...t,
        windows: [{ from: at('16:00'), to: at(until) }],
        breaks: [{ from: at('16:30'), to: at('16:40') }],
      })),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'parents_evening',
      status: 'draft',
      capacity: (until === '17:00' ? 5 : 11) * teachers.length,
    });
    const publish = await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`);
    expect(publish.status).toBe(200);
    return created.body.id as string;
  }

  const grid = async (staff: string, s: School, eventId: string) => {
    const response = await as(staff).get(`/api/v1/schools/${s.id}/parents-evenings/${eventId}`);
    expect(response.status).toBe(200);
    return response.body.slots as Array<{
      id: string;
      staffId: string;
      startsAt: string;
      appointment: { pupilId: string; state: string } | null;
    }>;
  };
  const slotOf = async (staff: string, s: School, eventId: string, staffId: string, hhmm: string) =>
    (await grid(staff, s, eventId)).find((x) => x.staffId === staffId && x.startsAt === at(hhmm))!.id;
  const hold = (token: string, eventId: string, pupilId: string, slotId: string, key?: string) =>
    as(token).post(
      `/api/v1/me/parents-evenings/${eventId}/holds`,
      { pupilId, slotId },
      key ? { 'idempotency-key': key } : {},
    );
  const appointmentCount = async (eventId: string) =>
    Number(
      (
        (await sql('select count(*) as n from parents_evening_appointments where event_id = ?', [
          eventId,
        ])) as [{ n: number }]
      )[0].n,
    );

  return { as, sql, day, at, school, teacher, parent, evening, grid, slotOf, hold, appointmentCount };
}
