import { Membership } from '@rowan/access';
import type { Contact, Pupil, School } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import { startApiStack, type ApiStack } from '../support/api-stack';

/** Parent accounts: staff invite a contact; the parent then sees their own children and nothing else. */
describe('parent accounts', () => {
  let stack: ApiStack;
  let school: School;
  let otherSchool: School;
  let siblings: Pupil[];
  let otherChild: Pupil;
  let mother: Contact;
  let father: Contact;
  let noEmail: Contact;
  let office: string;

  const as = (token: string) => ({
    post: (path: string) => stack.http().post(path).set('authorization', `Bearer ${token}`).send({}),
    get: (path: string) => stack.http().get(path).set('authorization', `Bearer ${token}`),
  });
  const invite = (token: string, s: School, c: Contact) =>
    as(token).post(`/api/v1/schools/${s.id}/contacts/${c.id}/invitation`);
  /** The parent's first sign-in, with the verified email the invitation went to. */
  const subjects = new Map<string, string>();
  const parentToken = (contact: Contact) => {
    const subject = subjects.get(contact.id) ?? randomUUID();
    subjects.set(contact.id, subject);
    return stack.token({ userId: subject, email: contact.emails[0]!, mfa: false });
  };

  beforeAll(async () => {
    stack = await startApiStack();
    const trust = await stack.make.trust();
    school = await stack.make.school(trust);
    otherSchool = await stack.make.school(await stack.make.trust());
    siblings = [
      await stack.make.pupil(school, 'Aoife', "O'Brien"),
      await stack.make.pupil(school, 'Cian', "O'Brien"),
    ];
    otherChild = await stack.make.pupil(school, 'Zoë', 'Łukasiewicz');
    mother = await stack.make.contact(school, 'Siobhán', "O'Brien");
    father = await stack.make.contact(school, 'Marek', 'Łukasiewicz');
    noEmail = await stack.make.contact(school, 'No', 'Email', []);
    for (const child of siblings) {
      await stack.make.link(child, mother, 'Mother');
    }
    await stack.make.link(otherChild, father, 'Father');
    const { user } = await stack.make.member('office', { school });
    office = await stack.token({ userId: user.identitySubject!, email: user.email });
  });
  afterAll(() => stack.close());

  it('lets office staff invite a contact once, audited once, as a parent of this school', async () => {
    const before = await stack.make.auditCount({ schoolId: school.id });
    const first = await invite(office, school, mother);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      contactId: mother.id,
      email: mother.emails[0],
      alreadyInvited: false,
    });
    const again = await invite(office, school, mother);
    expect(again.body.alreadyInvited).toBe(true);
    expect(await stack.make.auditCount({ schoolId: school.id })).toBe(before + 1);
    const membership = await stack.orm.em
      .fork()
      .findOneOrFail(Membership, { userId: first.body.userId, schoolId: school.id }, { filters: false });
    expect(membership).toMatchObject({ role: 'parent', status: 'invited' });
  });

  it('refuses a contact with no email, saying why', async () => {
    const response = await invite(office, school, noEmail);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('DIRECTORY.CONTACT_HAS_NO_EMAIL');
  });

  it('shows a signed-in parent their own children and nothing else', async () => {
    await invite(office, school, father);
    const mum = await parentToken(mother);
    const children = await as(mum).get('/api/v1/me/children');
    expect(children.status).toBe(200);
    expect(children.body.items.map((c: { preferredForename: string }) => c.preferredForename)).toEqual([
      'Aoife',
      'Cian',
    ]);
    expect(children.body.items[0]).toMatchObject({
      relationship: 'Mother',
      school: { id: school.id, name: school.name },
    });

    const dad = await parentToken(father);
    const his = await as(dad).get('/api/v1/me/children');
    expect(his.body.items.map((c: { id: string }) => c.id)).toEqual([otherChild.id]);
    expect(his.body.items[0].preferredSurname).toBe('Łukasiewicz');

    const me = await as(mum).get('/api/v1/me');
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ role: 'parent', status: 'active', permissions: [] }),
    ]);
  });

  it('shows staff who uses the parent app: invited is not yet using it; signed in is', async () => {
    const contactOf = async (c: Contact) =>
      (await as(office).get(`/api/v1/schools/${school.id}/contacts/${c.id}`)).body;
    const pupilContacts = async (p: Pupil) =>
      (await as(office).get(`/api/v1/schools/${school.id}/pupils/${p.id}`)).body.contacts;
    const grandmother = await stack.make.contact(school, 'Nain', 'Jones');
    await stack.make.link(siblings[0]!, grandmother, 'Grandmother');
    await invite(office, school, grandmother);

    expect(await contactOf(grandmother)).toMatchObject({ invited: true, usesParentApp: false });

    await as(await parentToken(grandmother)).get('/api/v1/me');

    expect(await contactOf(grandmother)).toMatchObject({ invited: true, usesParentApp: true });
    expect(
      (await pupilContacts(siblings[0]!)).map((c: { forename: string; usesParentApp: boolean }) => [
        c.forename,
        c.usesParentApp,
      ]),
    ).toEqual(expect.arrayContaining([['Nain', true]]));
    expect(await contactOf(noEmail)).toMatchObject({ invited: false, usesParentApp: false });
  });

  it('keeps parents out of staff views of the school', async () => {
    const mum = await parentToken(mother);
    expect((await as(mum).get(`/api/v1/schools/${school.id}/pupils`)).status).toBe(403);
    expect((await as(mum).get(`/api/v1/schools/${school.id}/pupils/${otherChild.id}`)).status).toBe(403);
    expect((await invite(mum, school, father)).status).toBe(403);
  });

  it('does not let another school’s office invite this school’s contacts', async () => {
    const { user } = await stack.make.member('office', { school: otherSchool });
    const stranger = await stack.token({ userId: user.identitySubject!, email: user.email });
    expect((await invite(stranger, school, mother)).status).toBe(404);
    expect((await invite(stranger, otherSchool, mother)).status).toBe(404);
  });
});
