import { Injectable } from '@nestjs/common';
import { NotFound, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../domain/actor';
import { AccessConflict } from '../domain/access.errors';
import { authorize } from '../domain/authorize';
import type { Membership } from '../domain/membership';
import type { User } from '../domain/user';
import { MembershipRepository } from './ports/membership.repository';
import { SchoolDirectory, type SchoolRef } from './ports/school-directory';
import { UserRepository } from './ports/user.repository';

/** Loads a school's membership for a change by someone allowed to manage that school's staff. */
@Injectable()
export class SchoolMemberships {
  constructor(
    private readonly directory: SchoolDirectory,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
  ) {}

  async loadForChange(
    actor: Actor,
    schoolId: SchoolId,
    membershipId: string,
  ): Promise<{ school: SchoolRef; membership: Membership; user: User }> {
    const school = await this.directory.findSchool(schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(actor, 'memberships:manage', { trustId: school.trustId, schoolId: school.id });
    const membership = await this.memberships.findInSchool(school.id, membershipId);
    const user = membership ? await this.users.findById(membership.userId) : null;
    if (!membership || !user) {
      throw new NotFound('Membership');
    }
    if (membership.userId === actor.userId) {
      throw new AccessConflict(
        'You cannot change your own membership; ask another administrator',
        'ACCESS.OWN_MEMBERSHIP',
      );
    }
    return { school, membership, user };
  }
}
