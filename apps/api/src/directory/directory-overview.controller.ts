import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { TrustDirectoryOverviewUseCase } from '@rowan/directory';
import type { TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { SchoolDirectoryOverviewDto, TrustDirectoryOverviewDto } from './dto/overview.dto';

@ApiTags('Directory')
@Controller('api/v1/trusts/:trustId/directory-overview')
export class DirectoryOverviewController {
  constructor(private readonly overview: TrustDirectoryOverviewUseCase) {}

  @Get()
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getTrustDirectoryOverview',
    summary: 'Each school’s directory and last sync',
    description: 'For trust administrators.',
  })
  @ApiOkResponse({ type: TrustDirectoryOverviewDto })
  @ApiProblems(400, 404)
  async getTrustDirectoryOverview(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
  ): Promise<TrustDirectoryOverviewDto> {
    const schools = await this.overview.execute({ actor, trustId: trustId as TrustId });
    return { schools: schools.map(SchoolDirectoryOverviewDto.from) };
  }
}
