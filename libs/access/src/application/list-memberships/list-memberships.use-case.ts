import { Injectable } from '@nestjs/common';
import { NotFound, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { authorize } from '../../domain/authorize';
import { SCHOOL_STAFF_ROLES, type Role } from '../../domain/role';
import { MembershipRepository, type MembershipFilter } from '../ports/membership.repository';
import { SchoolDirectory } from '../ports/school-directory';
import { toMembershipView, type MembershipView } from '../membership.view';

export interface ListMembershipsInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly filter: { readonly role?: Role; readonly status?: MembershipFilter['status'] };
  readonly page: PageRequest;
}

@Injectable()
export class ListMembershipsUseCase {
  constructor(
    private readonly directory: SchoolDirectory,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute(input: ListMembershipsInput): Promise<Page<MembershipView>> {
    const school = await this.directory.findSchool(input.schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(input.actor, 'memberships:read', { trustId: school.trustId, schoolId: school.id });
    const roles = input.filter.role ? [input.filter.role] : SCHOOL_STAFF_ROLES;
    const page = await this.memberships.listInSchool(
      school.id,
      { roles, status: input.filter.status },
      input.page,
    );
    return {
      items: page.items.map((row) => toMembershipView(row.membership, row.user)),
      nextCursor: page.nextCursor,
    };
  }
}
