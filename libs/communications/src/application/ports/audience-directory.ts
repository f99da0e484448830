import type { SchoolId } from '@rowan/kernel';
import type { DirectoryAudience } from '../../domain/audience';
import type { Recipient } from '../../domain/recipient';

/** The directory as communications sees it: audiences resolved to recipients (one per family) with addresses. */
export abstract class AudienceDirectory {
  abstract resolve(schoolId: SchoolId, audience: DirectoryAudience): Promise<Recipient[]>;
  /** The school's name, for the `{{school}}` merge field and sender names. */
  abstract schoolName(schoolId: SchoolId): Promise<string>;
}
