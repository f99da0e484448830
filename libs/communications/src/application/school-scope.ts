import { authorize, type Actor, type Permission } from '@rowan/access';
import type { SchoolCatalogue, SchoolSummary, TrustSummary } from '@rowan/directory';
import { NotFound, type SchoolId, type TrustId } from '@rowan/kernel';
import { MessageNotFound } from '../domain/communications.errors';
import type { Message } from '../domain/message';
import type { MessageRepository } from './ports/message.repository';

/** A message of the school, once the actor may do this there; 404 for a message that is not the school's. */
export async function messageFor(
  catalogue: SchoolCatalogue,
  messages: MessageRepository,
  actor: Actor,
  input: { readonly schoolId: SchoolId; readonly messageId: string },
  permission: Permission,
): Promise<{ school: SchoolSummary; message: Message }> {
  const school = await catalogue.authorizedSchool(actor, input.schoolId, permission);
  const message = await messages.findForSchool(school.id, input.messageId);
  if (!message) {
    throw MessageNotFound();
  }
  return { school, message };
}

/** The trust and its schools, if the actor holds a trust-wide role there allowing this; 404 otherwise. */
export async function trustFor(
  catalogue: SchoolCatalogue,
  actor: Actor,
  trustId: TrustId,
  permission: Permission,
): Promise<{ trust: TrustSummary; schools: SchoolSummary[] }> {
  const trust = await catalogue.trust(trustId);
  if (!trust) {
    throw new NotFound('Trust');
  }
  authorize(actor, permission, { trustId: trust.id }, 'Trust');
  return { trust, schools: await catalogue.schoolsOf([trust.id]) };
}
