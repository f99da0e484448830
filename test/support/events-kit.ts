import { Membership, type Role } from '@rowan/access';
import { Contact, type Pupil, type School } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from './api-stack';

/** Requests, SQL, a school and parents for the events tests, over the real API (the stack once it has started). */
export function eventsKit(stackOf: () => ApiStack) {
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
    put: (path: string, body: object = {}) =>
      stack.http().put(path).set('authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object = {}) =>
      stack.http().patch(path).set('authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });
  const sql = (query: string, params: unknown[] = []) =>
    stack.orm.em.fork().getConnection().execute(query, params);

  /** A school without quiet hours and a member of its staff (a school admin unless told otherwise): their token. */
  async function school(role: Role = 'school_admin') {
    const s = await stack.make.school(await stack.make.trust());
    await stack.make.communicationSettings(s, { quietHours: null });
    const { user } = await stack.make.member(role, { school: s });
    return { school: s, staff: await stack.token({ userId: user.identitySubject!, email: user.email }) };
  }

  /**
   * A contact with a parent account for these children (with parental responsibility unless told otherwise, and
   * the factory's email and mobile unless given one email address only): their token.
   */
  async function parent(
    s: School,
    children: Pupil[],
    options: { responsibility?: boolean; email?: string } = {},
  ): Promise<string> {
    const surname = `Parent ${randomUUID().slice(0, 4)}`;
    const contact = options.email
      ? await stack.make.contact(s, 'Pat', surname, [options.email], [])
      : await stack.make.contact(s, 'Pat', surname);
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

  return { as, sql, school, parent };
}
