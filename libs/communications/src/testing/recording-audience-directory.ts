import type { SchoolId } from '@rowan/kernel';
import { AudienceDirectory } from '../application/ports/audience-directory';
import type { DirectoryAudience } from '../domain/audience';
import type { Recipient } from '../domain/recipient';

/**
 * The directory as a recording: every audience it is asked to resolve, answered with one parent per named pupil
 * (naming that pupil), so a test sees exactly which pupils reached the directory.
 */
export class RecordingAudienceDirectory extends AudienceDirectory {
  readonly asked: Array<{ schoolId: SchoolId; audience: DirectoryAudience }> = [];

  resolve(schoolId: SchoolId, audience: DirectoryAudience): Promise<Recipient[]> {
    this.asked.push({ schoolId, audience });
    const named = audience.kind === 'staff' ? [] : audience.pupilIds;
    return Promise.resolve(
      named.map((pupilId) => ({
        kind: 'contact',
        personId: `parent-of-${pupilId}`,
        title: null,
        forename: 'Parent',
        surname: pupilId,
        children: [pupilId],
        appUserId: null,
        email: `${pupilId}@families.test`,
        mobile: null,
      })),
    );
  }

  schoolName(): Promise<string> {
    return Promise.resolve('Test School');
  }
}
