import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  ConnectMisUseCase,
  GetMisConnectionUseCase,
  GetSyncRunUseCase,
  ListSyncRunsUseCase,
  RequestMisSyncUseCase,
} from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import {
  ConnectMisRequest,
  MisConnectionDto,
  RequestSyncRequest,
  SyncRunDto,
  SyncRunPageDto,
} from './dto/mis.dto';

@ApiTags('MIS sync')
@Controller('api/v1/schools/:schoolId')
export class MisSyncController {
  constructor(
    private readonly connect: ConnectMisUseCase,
    private readonly connection: GetMisConnectionUseCase,
    private readonly request: RequestMisSyncUseCase,
    private readonly listRuns: ListSyncRunsUseCase,
    private readonly getRun: GetSyncRunUseCase,
  ) {}

  @Put('mis-connection')
  @RateLimit('accounts')
  @RequirePermission('directory:manage')
  @ApiOperation({
    operationId: 'connectMis',
    summary: 'Connect the school to its MIS through Wonde',
    description: 'The token is sealed at rest and never returned.',
  })
  @ApiOkResponse({ type: MisConnectionDto })
  @ApiProblems(400, 404)
  async connectMis(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: ConnectMisRequest,
  ): Promise<MisConnectionDto> {
    return MisConnectionDto.from(
      await this.connect.execute({
        actor,
        schoolId: schoolId as SchoolId,
        externalSchoolId: body.wondeSchoolId,
        baseUrl: body.baseUrl,
        token: body.token,
        dailySyncHour: body.dailySyncHour,
      }),
    );
  }

  @Get('mis-connection')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getMisConnection',
    summary: 'The school’s MIS connection',
    description: 'Without the token; 404 when not connected.',
  })
  @ApiOkResponse({ type: MisConnectionDto })
  @ApiProblems(400, 404)
  async getMisConnection(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<MisConnectionDto> {
    return MisConnectionDto.from(await this.connection.execute({ actor, schoolId: schoolId as SchoolId }));
  }

  @Post('sync-runs')
  @HttpCode(202)
  @RequirePermission('directory:manage')
  @ApiOperation({
    operationId: 'requestSync',
    summary: 'Sync the directory from the MIS now',
    description: 'Queued for the worker; follow its progress with getSyncRun.',
  })
  @ApiAcceptedResponse({ type: SyncRunDto })
  @ApiProblems(400, 404, 409)
  async requestSync(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: RequestSyncRequest,
  ): Promise<SyncRunDto> {
    return SyncRunDto.from(
      await this.request.execute({ actor, schoolId: schoolId as SchoolId, mode: body.mode }),
    );
  }

  @Get('sync-runs')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'listSyncRuns',
    summary: 'Sync history',
    description: 'Newest first, with results and errors.',
  })
  @ApiOkResponse({ type: SyncRunPageDto })
  @ApiProblems(400, 404)
  async listSyncRuns(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: PageQuery,
  ): Promise<SyncRunPageDto> {
    const page = await this.listRuns.execute({
      actor,
      schoolId: schoolId as SchoolId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(SyncRunDto.from), nextCursor: page.nextCursor };
  }

  @Get('sync-runs/:runId')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getSyncRun',
    summary: 'One sync: live progress or result',
    description: 'Phase, percentage and counts while it runs.',
  })
  @ApiOkResponse({ type: SyncRunDto })
  @ApiProblems(400, 404)
  async getSyncRun(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('runId') runId: string,
  ): Promise<SyncRunDto> {
    return SyncRunDto.from(await this.getRun.execute({ actor, schoolId: schoolId as SchoolId, runId }));
  }
}
