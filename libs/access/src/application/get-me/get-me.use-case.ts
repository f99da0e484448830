import { Injectable } from '@nestjs/common';
import { NotFound, type SchoolId, type TrustId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import type { Membership } from '../../domain/membership';
import { ROLE_PERMISSIONS, type Permission } from '../../domain/permission';
import { MembershipRepository } from '../ports/membership.repository';
import { SchoolDirectory } from '../ports/school-directory';
import { UserRepository } from '../ports/user.repository';

export interface MeView {
  readonly id: string;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly operator: boolean;
  readonly memberships: ReadonlyArray<{
    readonly id: string;
    readonly role: Membership['role'];
    readonly status: Membership['status'];
    readonly trust: { readonly id: string; readonly name: string };
    readonly school: { readonly id: string; readonly name: string } | null;
    /** What this role allows there, so clients show only what will work (the API checks again). */
    readonly permissions: readonly Permission[];
  }>;
}

@Injectable()
export class GetMeUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly directory: SchoolDirectory,
  ) {}

  async execute(actor: Actor): Promise<MeView> {
    const user = await this.users.findById(actor.userId);
    if (!user) {
      throw new NotFound('User');
    }
    const memberships = await this.memberships.findCurrentForUser(user.id);
    const { schools, trusts } = await this.directory.describe(
      memberships.flatMap((m) => (m.schoolId ? [m.schoolId] : [])) as SchoolId[],
      [...new Set(memberships.map((m) => m.trustId))] as TrustId[],
    );
    const schoolName = new Map(schools.map((s) => [s.id as string, s.name]));
    const trustName = new Map(trusts.map((t) => [t.id as string, t.name]));
    return {
      id: user.id,
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
      operator: actor.operator,
      memberships: memberships.map((m) => ({
        id: m.id,
        role: m.role,
        status: m.status,
        trust: { id: m.trustId, name: trustName.get(m.trustId) ?? '' },
        school: m.schoolId ? { id: m.schoolId, name: schoolName.get(m.schoolId) ?? '' } : null,
        permissions: ROLE_PERMISSIONS[m.role],
      })),
    };
  }
}
