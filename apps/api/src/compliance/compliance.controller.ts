import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { ReadRetentionUseCase, SchoolContractUseCase } from '@rowan/compliance';
import type { SchoolId, TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import {
  ContractDto,
  ContractEndRequest,
  RetentionOverviewDto,
  RetentionRunDto,
  RetentionRunPageDto,
  SchoolDeletionDto,
  SchoolDeletionPageDto,
} from './dto/compliance.dto';

@ApiTags('Data protection')
@Controller('api/v1/schools/:schoolId')
export class SchoolComplianceController {
  constructor(
    private readonly retention: ReadRetentionUseCase,
    private readonly contracts: SchoolContractUseCase,
  ) {}

  @Get('retention')
  @RequirePermission('retention:read')
  @ApiOperation({
    operationId: 'getRetention',
    summary: 'Leavers kept and anonymised',
    description:
      'A pupil who left stays viewable for two academic years after the one they left in (years end on 31 August), then a daily run anonymises them, and their contacts left with no current child. Bookings and payments stay.',
  })
  @ApiOkResponse({ type: RetentionOverviewDto })
  @ApiProblems(400, 404)
  async getRetention(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<RetentionOverviewDto> {
    return RetentionOverviewDto.from(
      await this.retention.overview({ actor, schoolId: schoolId as SchoolId }),
    );
  }

  @Get('retention-runs')
  @RequirePermission('retention:read')
  @ApiOperation({
    operationId: 'listRetentionRuns',
    summary: 'Retention runs',
    description: 'Each run and what it anonymised, newest first.',
  })
  @ApiOkResponse({ type: RetentionRunPageDto })
  @ApiProblems(400, 404)
  async listRetentionRuns(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: PageQuery,
  ): Promise<RetentionRunPageDto> {
    const page = await this.retention.runs({
      actor,
      schoolId: schoolId as SchoolId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(RetentionRunDto.from), nextCursor: page.nextCursor };
  }

  @Get('contract')
  @RequirePermission('schools:read')
  @ApiOperation({
    operationId: 'getSchoolContract',
    summary: 'Contract end',
    description: 'Whether the school’s contract is ending, and when its data will be destroyed.',
  })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblems(400, 404)
  async getSchoolContract(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<ContractDto> {
    return ContractDto.from(await this.contracts.read({ actor, schoolId: schoolId as SchoolId }));
  }

  @Put('contract/end')
  @RequirePermission('contracts:manage')
  @ApiOperation({
    operationId: 'endSchoolContract',
    summary: 'Record the contract’s end',
    description:
      'All of the school’s data is destroyed 30 days after this day, leaving the trust a deletion record. Can be withdrawn until then. Audited.',
  })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblems(400, 404, 409)
  async endSchoolContract(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: ContractEndRequest,
  ): Promise<ContractDto> {
    return ContractDto.from(
      await this.contracts.end({ actor, schoolId: schoolId as SchoolId, endsOn: body.endsOn }),
    );
  }

  @Delete('contract/end')
  @HttpCode(204)
  @RequirePermission('contracts:manage')
  @ApiOperation({
    operationId: 'withdrawSchoolContractEnd',
    summary: 'Withdraw the termination',
    description: 'The school’s data is kept. Only before its destruction has started. Audited.',
  })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiProblems(400, 404, 409)
  async withdrawSchoolContractEnd(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<void> {
    await this.contracts.withdraw({ actor, schoolId: schoolId as SchoolId });
  }
}

@ApiTags('Data protection')
@Controller('api/v1/trusts/:trustId')
export class TrustComplianceController {
  constructor(private readonly contracts: SchoolContractUseCase) {}

  @Get('school-deletions')
  @RequirePermission('contracts:manage')
  @ApiOperation({
    operationId: 'listSchoolDeletions',
    summary: 'Schools whose data was destroyed',
    description: 'The trust’s record of each destruction: what, when and how many rows of each table.',
  })
  @ApiOkResponse({ type: SchoolDeletionPageDto })
  @ApiProblems(400, 404)
  async listSchoolDeletions(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Query() query: PageQuery,
  ): Promise<SchoolDeletionPageDto> {
    const page = await this.contracts.deletions({
      actor,
      trustId: trustId as TrustId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(SchoolDeletionDto.from), nextCursor: page.nextCursor };
  }
}
