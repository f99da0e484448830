import { Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { InviteParentUseCase, ListMyChildrenUseCase } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import { MyChildDto, MyChildrenDto, ParentInvitationDto } from './dto/parent.dto';

@ApiTags('Parents')
@Controller('api/v1')
export class ParentsController {
  constructor(
    private readonly invite: InviteParentUseCase,
    private readonly myChildren: ListMyChildrenUseCase,
  ) {}

  @Post('schools/:schoolId/contacts/:contactId/invitation')
  @RateLimit('accounts')
  @RequirePermission('parents:invite')
  @ApiOperation({
    operationId: 'inviteParent',
    summary: 'Invite a contact to the parent app',
    description: 'Uses the first email the MIS holds for them; 409 when it holds none.',
  })
  @ApiCreatedResponse({ type: ParentInvitationDto })
  @ApiProblems(400, 404, 409)
  async inviteParent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('contactId') contactId: string,
  ): Promise<ParentInvitationDto> {
    return ParentInvitationDto.from(
      await this.invite.execute({ actor, schoolId: schoolId as SchoolId, contactId }),
    );
  }

  @Get('me/children')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'listMyChildren',
    summary: 'My children',
    description: 'For a signed-in parent: the pupils they are a contact of, and no others.',
  })
  @ApiOkResponse({ type: MyChildrenDto })
  @ApiProblems()
  async listMyChildren(@CurrentActor() actor: Actor): Promise<MyChildrenDto> {
    return { items: (await this.myChildren.execute({ actor })).map(MyChildDto.from) };
  }
}
