import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeMembershipRoleUseCase,
  InviteMemberUseCase,
  ListMembershipsUseCase,
  RevokeMembershipUseCase,
  type Actor,
} from '@rowan/access';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import {
  ChangeRoleRequest,
  InviteStaffRequest,
  ListMembershipsQuery,
  MembershipDto,
  MembershipPageDto,
} from './dto/membership.dto';

@ApiTags('Staff memberships')
@Controller('api/v1/schools/:schoolId/memberships')
export class MembershipsController {
  constructor(
    private readonly list: ListMembershipsUseCase,
    private readonly invite: InviteMemberUseCase,
    private readonly changeRole: ChangeMembershipRoleUseCase,
    private readonly revoke: RevokeMembershipUseCase,
  ) {}

  @Get()
  @RequirePermission('memberships:read')
  @ApiOperation({
    operationId: 'listMemberships',
    summary: 'List the school’s staff',
    description: 'Everyone with a staff or integration role (not parents), newest first, with cursor paging.',
  })
  @ApiOkResponse({ type: MembershipPageDto })
  @ApiProblems(400, 404)
  async listMemberships(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListMembershipsQuery,
  ): Promise<MembershipPageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      filter: { role: query.role, status: query.status },
      page: query.toPageRequest(),
    });
    return { items: page.items.map(MembershipDto.from), nextCursor: page.nextCursor };
  }

  @Post()
  @RateLimit('accounts')
  @RequirePermission('memberships:manage')
  @ApiOperation({
    operationId: 'inviteStaff',
    summary: 'Invite a member of staff',
    description:
      'Creates the person’s account at the identity provider, which emails them a link to set a password.',
  })
  @ApiCreatedResponse({ type: MembershipDto })
  @ApiProblems(400, 404, 409)
  async inviteStaff(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: InviteStaffRequest,
  ): Promise<MembershipDto> {
    return MembershipDto.from(await this.invite.execute({ actor, schoolId: schoolId as SchoolId, ...body }));
  }

  @Patch(':membershipId')
  @RequirePermission('memberships:manage')
  @ApiOperation({
    operationId: 'changeMembershipRole',
    summary: 'Change a member of staff’s role',
    description: 'You cannot change your own.',
  })
  @ApiOkResponse({ type: MembershipDto })
  @ApiProblems(400, 404, 409)
  async changeMembershipRole(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('membershipId') membershipId: string,
    @Body() body: ChangeRoleRequest,
  ): Promise<MembershipDto> {
    return MembershipDto.from(
      await this.changeRole.execute({ actor, schoolId: schoolId as SchoolId, membershipId, role: body.role }),
    );
  }

  @Delete(':membershipId')
  @HttpCode(204)
  @RequirePermission('memberships:manage')
  @ApiOperation({
    operationId: 'revokeMembership',
    summary: 'Remove a member of staff',
    description: 'Their access to this school ends at once.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404, 409)
  async revokeMembership(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('membershipId') membershipId: string,
  ): Promise<void> {
    await this.revoke.execute({ actor, schoolId: schoolId as SchoolId, membershipId });
  }
}
