import { signedIn } from './isolation-kit';
import { Membership } from '@rowan/access';
import { Contact, type Pupil, type School } from '@rowan/directory';
import { v7 } from 'uuid';
import type { ApiStack } from './api-stack';

/** A parent account: the contact the school's MIS knows, linked to these children, and their signed-in user. */
export interface Family {
  readonly token: string;
  readonly userId: string;
  readonly email: string;
  readonly contactId: string;
  readonly membershipId: string;
}

export async function family(
  stack: ApiStack,
  school: School,
  children: readonly Pupil[],
  name: { forename: string; surname: string },
): Promise<Family> {
  const contact = await stack.make.contact(school, name.forename, name.surname);
  for (const child of children) {
    await stack.make.link(child, contact);
  }
  const user = await stack.make.user(name.forename, name.surname);
  const em = stack.orm.em.fork();
  await em.nativeUpdate(Contact, { id: contact.id }, { userId: user.id }, { filters: false });
  const membership = new Membership(
    v7(),
    user.id,
    school.trustId,
    school.id,
    'parent',
    'active',
    new Date(),
    new Date(),
  );
  await em.persist(membership).flush();
  return {
    token: await signedIn(
      stack,
      await stack.token({ userId: user.identitySubject!, email: user.email, mfa: false }),
    ),
    userId: user.id,
    email: user.email,
    contactId: contact.id,
    membershipId: membership.id,
  };
}

/**
 * A message sent to one parent in the app, as the ledger holds it once fanned out (message, recipient, app
 * delivery), written straight in: returns the delivery's id, which is the inbox item's.
 */
export async function inboxMessage(
  stack: ApiStack,
  school: School,
  to: Family,
  child: Pupil,
  title: string,
): Promise<string> {
  const connection = stack.orm.em.fork().getConnection();
  const [messageId, recipientId, deliveryId] = [v7(), v7(), v7()];
  const content = { app: { title, body: `About ${child.preferredForename}` }, email: null, sms: null };
  const audience = {
    kind: 'contacts',
    ncYears: [],
    groupIds: [],
    pupilIds: [child.id],
    characteristics: [],
    contacts: 'priority',
  };
  await connection.execute(
    `insert into messages (id, school_id, trust_id, audience, content, policy, status, created_by, created_at, updated_at, sent_at)
     values (?, ?, ?, ?, ?, 'cheapest', 'sent', ?, now(3), now(3), now(3))`,
    [messageId, school.id, school.trustId, JSON.stringify(audience), JSON.stringify(content), v7()],
  );
  await connection.execute(
    `insert into message_recipients (id, message_id, school_id, kind, person_id, forename, surname, children, app_user_id)
     values (?, ?, ?, 'contact', ?, 'Inbox', 'Recipient', ?, ?)`,
    [recipientId, messageId, school.id, to.contactId, JSON.stringify([child.preferredForename]), to.userId],
  );
  await connection.execute(
    `insert into deliveries (id, message_id, school_id, recipient_id, channel, address, state, queued_at, sent_at, updated_at)
     values (?, ?, ?, ?, 'app', ?, 'sent', now(3), now(3), now(3))`,
    [deliveryId, messageId, school.id, recipientId, to.userId],
  );
  return deliveryId;
}
