import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetPupilUseCase, ListPupilsUseCase } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { ListPupilsQuery, PupilDetailDto, PupilPageDto, PupilSummaryDto } from './dto/pupil.dto';

@ApiTags('Directory')
@Controller('api/v1/schools/:schoolId/pupils')
export class PupilsController {
  constructor(
    private readonly list: ListPupilsUseCase,
    private readonly get: GetPupilUseCase,
  ) {}

  @Get()
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'listPupils',
    summary: 'Browse and search pupils',
    description: 'On roll by default; filter by year, class or leavers.',
  })
  @ApiOkResponse({ type: PupilPageDto })
  @ApiProblems(400, 404)
  async listPupils(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListPupilsQuery,
  ): Promise<PupilPageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      filter: {
        search: query.search,
        ncYear: query.ncYear,
        registrationGroup: query.registrationGroup,
        enrolment: query.enrolment,
      },
      page: query.toPageRequest(),
    });
    return { items: page.items.map(PupilSummaryDto.from), nextCursor: page.nextCursor };
  }

  @Get(':pupilId')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getPupil',
    summary: 'A pupil with contacts, groups and characteristics',
    description: 'Contacts in priority order, with their channels.',
  })
  @ApiOkResponse({ type: PupilDetailDto })
  @ApiProblems(400, 404)
  async getPupil(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('pupilId') pupilId: string,
  ): Promise<PupilDetailDto> {
    return PupilDetailDto.fromDetail(
      await this.get.execute({ actor, schoolId: schoolId as SchoolId, pupilId }),
    );
  }
}
