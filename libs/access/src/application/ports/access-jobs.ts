import type { UserId } from '@rowan/kernel';

/** Background work the access context asks for. */
export abstract class AccessJobs {
  /** Create the person's account at the identity provider (after the invitation is stored). */
  abstract provisionIdentity(userId: UserId): Promise<void>;
  /**
   * Delete the identity-provider account `subject` once no Rowan user is linked to it any more (after the
   * transaction that unlinked it has committed).
   */
  abstract forgetIdentity(subject: string): Promise<void>;
}
