import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InviteMemberUseCase, type Actor } from '@rowan/access';
import type { TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import { InviteTrustAdminRequest, MembershipDto } from './dto/membership.dto';

@ApiTags('Trusts')
@Controller('api/v1/trusts/:trustId/admins')
export class TrustMembershipsController {
  constructor(private readonly invite: InviteMemberUseCase) {}

  @Post()
  @RateLimit('accounts')
  @RequirePermission('trust_memberships:manage')
  @ApiOperation({
    operationId: 'inviteTrustAdmin',
    summary: 'Invite a trust administrator',
    description: 'Trust administrators manage every school in the trust. Operators invite the first one.',
  })
  @ApiCreatedResponse({ type: MembershipDto })
  @ApiProblems(400, 404, 409)
  async inviteTrustAdmin(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Body() body: InviteTrustAdminRequest,
  ): Promise<MembershipDto> {
    return MembershipDto.from(
      await this.invite.execute({ actor, trustId: trustId as TrustId, ...body, role: 'trust_admin' }),
    );
  }
}
