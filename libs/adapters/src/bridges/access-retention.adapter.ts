import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AccessJobs, MembershipRepository, UserRepository } from '@rowan/access';
import { RetentionParticipant, type Leavers, type RetentionChanges } from '@rowan/compliance';
import type { SchoolId, UserId } from '@rowan/kernel';

/**
 * The access context's part in anonymising leavers: an anonymised contact's parent membership at the school is
 * revoked, and their Rowan account, when it has no other current membership, no longer names them (the email
 * becomes an unroutable `anonymised-<id>@invalid`) nor links to their identity-provider account, which a job
 * deletes once the pass has committed. Through the
 * access context's repositories, so cached actors hear of the change. Resolved when first used (as the other
 * bridges into access are), since the access module imports the directory.
 */
@Injectable()
export class AccessRetention extends RetentionParticipant {
  readonly context = 'access';

  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async anonymise(schoolId: SchoolId, leavers: Leavers, at: Date): Promise<RetentionChanges> {
    const memberships = this.modules.get(MembershipRepository, { strict: false });
    const users = this.modules.get(UserRepository, { strict: false });
    let revoked = 0;
    let anonymised = 0;
    const forget: string[] = [];
    for (const userId of leavers.contactUserIds as UserId[]) {
      // Jobs run unscoped, so the user's memberships are read across schools (and only this one's changed).
      const current = await memberships.findCurrentForUser(userId);
      const here = current.filter((m) => m.schoolId === schoolId && m.role === 'parent');
      for (const membership of here) {
        membership.revoke(at);
        revoked += 1;
      }
      const others = current.filter((m) => !here.includes(m));
      const user = others.length ? null : await users.findById(userId);
      if (user && !user.email.endsWith('@invalid')) {
        user.email = `anonymised-${user.id}@invalid`;
        user.givenName = 'Anonymised';
        user.familyName = 'parent';
        if (user.identitySubject) {
          forget.push(user.identitySubject);
        }
        user.identitySubject = null;
        user.updatedAt = at;
        anonymised += 1;
      }
    }
    const jobs = this.modules.get(AccessJobs, { strict: false });
    return {
      rows: { memberships: revoked, users: anonymised },
      // Their account at the identity provider goes too, once nothing in Rowan links to it any more.
      afterCommit: async () => {
        for (const subject of forget) {
          await jobs.forgetIdentity(subject);
        }
      },
    };
  }
}
