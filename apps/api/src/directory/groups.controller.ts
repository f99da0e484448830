import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { ListGroupsUseCase } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { GroupDto, GroupPageDto, ListGroupsQuery } from './dto/group.dto';

@ApiTags('Directory')
@Controller('api/v1/schools/:schoolId/groups')
export class GroupsController {
  constructor(private readonly list: ListGroupsUseCase) {}

  @Get()
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'listGroups',
    summary: 'The school’s classes and groups',
    description:
      'Registration classes, year groups, teaching groups, houses and others from the MIS, with the number ' +
      'of pupils on roll in each; classes first, then by name. Filter by kind or part of the name. Cursor paged.',
  })
  @ApiOkResponse({ type: GroupPageDto })
  @ApiProblems(400, 404)
  async listGroups(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListGroupsQuery,
  ): Promise<GroupPageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      filter: { kind: query.kind, search: query.search },
      page: query.toPageRequest(),
    });
    return { items: page.items.map(GroupDto.from), nextCursor: page.nextCursor };
  }
}
