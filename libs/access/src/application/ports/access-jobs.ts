import type { UserId } from '@rowan/kernel';

/** Background work the access context asks for. */
export abstract class AccessJobs {
  /** Create the person's account at the identity provider (after the invitation is stored). */
  abstract provisionIdentity(userId: UserId): Promise<void>;
}
