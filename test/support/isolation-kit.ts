import { ROLES, ROLE_PERMISSIONS, UNIVERSAL_PERMISSIONS, type Permission, type Role } from '@rowan/access';
import type { School, Trust } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { ApiStack } from './api-stack';
import { operations, type Operation } from './openapi-walk';

/**
 * The operations anyone may call without a token. They must be exactly the ones the OpenAPI document lists
 * without a security requirement; every other operation must declare a permission.
 */
export const PUBLIC_OPERATIONS: readonly string[] = ['live', 'ready'];

/** Every operation of the document the running app serves. */
export async function documentOperations(stack: ApiStack): Promise<Operation[]> {
  const doc = await stack.http().get('/api/openapi.json');
  expect(doc.status).toBe(200);
  return operations(doc.body);
}

/** Does the role hold the route's permission anywhere (so the guard lets it through to the object check)? */
export function roleMay(role: Role, op: Operation): boolean {
  const permission = op.permission as Permission;
  return UNIVERSAL_PERMISSIONS.includes(permission) || ROLE_PERMISSIONS[role].includes(permission);
}

/** A school with one row of everything a path parameter names, made through the factories. */
export interface SchoolWorld {
  readonly trust: Trust;
  readonly school: School;
  /** A valid id of this school for each path parameter of the document. */
  readonly ids: Record<string, string>;
  /** The same for the parents' evening routes: `eventId` is the evening, `appointmentId` its appointment. */
  readonly eveningIds: Record<string, string>;
  /** Text that appears only in this school's data (names, titles, email addresses). */
  readonly names: readonly string[];
}

export async function schoolWorld(stack: ApiStack, label: string): Promise<SchoolWorld> {
  const tag = `${label}${randomUUID().slice(0, 6)}`;
  const trust = await stack.make.trust(`${tag} Trust`);
  const school = await stack.make.school(trust, `${tag} School`);
  const member = await stack.make.member('teacher', { school });
  const pupil = await stack.make.pupil(school, `${tag}Kid`, `${tag}Pupil`, 5);
  const contact = await stack.make.contact(school, `${tag}Carer`, `${tag}Contact`);
  await stack.make.link(pupil, contact);
  const run = await stack.make.syncRun(school);
  const upload = await stack.make.directoryImport(school, member.user.id);
  const message = await stack.make.message(school, member.user.id);
  const event = await stack.make.event(school, member.user.id, 'published');
  const bookingId = await stack.make.booking(event, pupil, member.user.id);
  const staff = await stack.make.staffMember(school, `${tag}Staff`, `${tag}Teacher`);
  const evening = await stack.make.eveningAppointment(school, pupil, staff.id, member.user.id);
  const [slot] = (await stack.orm.em
    .fork()
    .getConnection()
    .execute('select slot_id as id from parents_evening_appointments where id = ?', [
      evening.appointmentId,
    ])) as Array<{ id: string }>;
  const ids = {
    schoolId: school.id,
    trustId: trust.id,
    membershipId: member.membership.id,
    pupilId: pupil.id,
    runId: run.id,
    contactId: contact.id,
    importId: upload.id,
    messageId: message.id,
    eventId: event.id,
    bookingId,
    staffId: staff.id,
    appointmentId: evening.appointmentId,
    slotId: slot!.id,
  };
  return {
    trust,
    school,
    ids,
    eveningIds: { ...ids, eventId: evening.eventId },
    names: [tag, member.user.email, event.title],
  };
}

/** The ids for an operation: a parents' evening route gets the evening and its appointment. */
export function paramsFor(op: Operation, world: Pick<SchoolWorld, 'ids' | 'eveningIds'>) {
  return op.path.includes('/parents-evenings/') ? world.eveningIds : world.ids;
}

export interface Caller {
  readonly role: Role;
  readonly token: string;
}

/** One member of each role at the school (a trust administrator across its trust), with their tokens. */
/**
 * The token once its first request is behind it: Rowan records a sign-in the first time it sees a session, so a
 * walk that must change nothing starts with every caller already signed in.
 */
export async function signedIn(stack: ApiStack, token: string): Promise<string> {
  const me = await stack.http().get('/api/v1/me').set('authorization', `Bearer ${token}`);
  if (me.status !== 200) {
    throw new Error(`GET /api/v1/me answered ${me.status} for a fresh token`);
  }
  return token;
}

export async function oneOfEachRole(stack: ApiStack, world: SchoolWorld): Promise<Caller[]> {
  const callers: Caller[] = [];
  for (const role of ROLES) {
    const where = role === 'trust_admin' ? { trust: world.trust } : { school: world.school };
    const { user } = await stack.make.member(role, where);
    const token = await stack.token({
      userId: user.identitySubject!,
      email: user.email,
      mfa: role !== 'parent',
    });
    callers.push({ role, token: await signedIn(stack, token) });
  }
  return callers;
}

/** What of `secrets` (names, ids) a response shows that its request did not send. */
export function leaked(response: Response, secrets: readonly string[]): string[] {
  const shown = `${JSON.stringify(response.body)} ${response.text ?? ''} ${JSON.stringify(response.headers)}`;
  const req = response.request as unknown as { url: string; _data?: unknown };
  const sent = `${req.url} ${JSON.stringify(req._data ?? '')}`;
  return secrets.filter((s) => shown.includes(s) && !sent.includes(s));
}

/** An error answer is RFC 9457 problem+json. */
export function isProblem(response: Response): boolean {
  return /^application\/problem\+json/.test(String(response.headers['content-type'] ?? ''));
}

/** One line for a failure list: who called what, and what came back. */
export function describeCall(who: string, op: Operation, response: Response, expected: number, extra = '') {
  const code = (response.body as { code?: string } | undefined)?.code;
  return `${who} ${op.method.toUpperCase()} ${op.path} (${op.operationId}): ${response.status}${
    code ? ` ${code}` : ''
  }, expected ${expected}${extra}`;
}
