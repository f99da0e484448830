import { createHash } from 'node:crypto';
import type { MisContact, MisPupil } from '../../domain/mis/mis-records';

/** A short, stable digest of what Rowan keeps of a record: equal digests mean nothing to write. */
export function fingerprint(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

export function contactFingerprint(c: MisContact): string {
  return fingerprint([c.title, c.forename, c.surname, c.emails, c.mobiles]);
}

/** A pupil's own fields, links and groups; the linked contacts' details have their own fingerprints. */
export function pupilFingerprint(p: MisPupil): string {
  const { contacts, ...own } = p;
  const links = contacts.map((l) => [
    l.contact.misId,
    l.relationship,
    l.parentalResponsibility,
    l.priority,
    l.livesWithPupil,
  ]);
  return fingerprint([own, links]);
}
