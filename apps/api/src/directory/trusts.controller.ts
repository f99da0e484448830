import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  CreateSchoolUseCase,
  CreateTrustUseCase,
  ListSchoolsUseCase,
  ListTrustsUseCase,
} from '@rowan/directory';
import type { TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import {
  CreateSchoolRequest,
  CreateTrustRequest,
  SchoolDto,
  SchoolPageDto,
  TrustDto,
  TrustPageDto,
} from './dto/directory.dto';

@ApiTags('Trusts')
@Controller('api/v1/trusts')
export class TrustsController {
  constructor(
    private readonly createTrustUseCase: CreateTrustUseCase,
    private readonly listTrustsUseCase: ListTrustsUseCase,
    private readonly createSchoolUseCase: CreateSchoolUseCase,
    private readonly listSchoolsUseCase: ListSchoolsUseCase,
  ) {}

  @Get()
  @RequirePermission('trusts:read')
  @ApiOperation({
    operationId: 'listTrusts',
    summary: 'List trusts',
    description: 'Operators see every trust; trust administrators see theirs.',
  })
  @ApiOkResponse({ type: TrustPageDto })
  @ApiProblems(400)
  async listTrusts(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<TrustPageDto> {
    const page = await this.listTrustsUseCase.execute({ actor, page: query.toPageRequest() });
    return { items: page.items.map(TrustDto.from), nextCursor: page.nextCursor };
  }

  @Post()
  @RequirePermission('trusts:create')
  @ApiOperation({
    operationId: 'createTrust',
    summary: 'Create a trust',
    description: 'Operators onboard a trust, then invite its first administrator.',
  })
  @ApiCreatedResponse({ type: TrustDto })
  @ApiProblems(400)
  async createTrust(@CurrentActor() actor: Actor, @Body() body: CreateTrustRequest): Promise<TrustDto> {
    return TrustDto.from(await this.createTrustUseCase.execute({ actor, name: body.name }));
  }

  @Get(':trustId/schools')
  @RequirePermission('schools:read')
  @ApiOperation({
    operationId: 'listSchools',
    summary: 'List a trust’s schools',
    description: 'Trust-wide roles see all; others see their own schools.',
  })
  @ApiOkResponse({ type: SchoolPageDto })
  @ApiProblems(400, 404)
  async listSchools(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Query() query: PageQuery,
  ): Promise<SchoolPageDto> {
    const page = await this.listSchoolsUseCase.execute({
      actor,
      trustId: trustId as TrustId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(SchoolDto.from), nextCursor: page.nextCursor };
  }

  @Post(':trustId/schools')
  @RequirePermission('schools:create')
  @ApiOperation({
    operationId: 'createSchool',
    summary: 'Add a school to a trust',
    description: 'Trust administrators add their trust’s schools.',
  })
  @ApiCreatedResponse({ type: SchoolDto })
  @ApiProblems(400, 404, 409)
  async createSchool(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Body() body: CreateSchoolRequest,
  ): Promise<SchoolDto> {
    return SchoolDto.from(
      await this.createSchoolUseCase.execute({
        actor,
        trustId: trustId as TrustId,
        name: body.name,
        urn: body.urn,
      }),
    );
  }
}
