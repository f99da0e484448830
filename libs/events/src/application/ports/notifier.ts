import type { Actor } from '@rowan/access';
import type { SchoolId } from '@rowan/kernel';

export interface Invitation {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly pupilIds: readonly string[];
}

/** Tells the invited pupils' parents, as a tracked message; answers the message's id. */
export abstract class Notifier {
  abstract inviteParents(invitation: Invitation): Promise<{ readonly messageId: string }>;
}
