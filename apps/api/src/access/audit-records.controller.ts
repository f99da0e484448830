import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAuditRecordsUseCase, VerifyAuditChainUseCase, type Actor } from '@rowan/access';
import type { SchoolId, UserId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import {
  AuditChainVerificationDto,
  AuditRecordDto,
  AuditRecordPageDto,
  ListAuditRecordsQuery,
} from './dto/audit-record.dto';

@ApiTags('Audit')
@Controller('api/v1/schools/:schoolId/audit-records')
export class AuditRecordsController {
  constructor(
    private readonly list: ListAuditRecordsUseCase,
    private readonly verify: VerifyAuditChainUseCase,
  ) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({
    operationId: 'listAuditRecords',
    summary: 'The school’s audit log',
    description: 'Who changed what, newest first.',
  })
  @ApiOkResponse({ type: AuditRecordPageDto })
  @ApiProblems(400, 404)
  async listAuditRecords(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListAuditRecordsQuery,
  ): Promise<AuditRecordPageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      filter: {
        action: query.action,
        actorId: query.actorId as UserId | undefined,
        targetType: query.targetType,
        targetId: query.targetId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      page: query.toPageRequest(),
    });
    return { items: page.items.map(AuditRecordDto.from), nextCursor: page.nextCursor };
  }

  @Get('verification')
  @RequirePermission('audit:read')
  @ApiOperation({
    operationId: 'verifyAuditChain',
    summary: 'Tamper check of the school’s audit log',
    description:
      'Recomputes the school’s hash chain from its first record: intact, or the first record found altered ' +
      'or missing. Records join the chain a few seconds after they are written.',
  })
  @ApiOkResponse({ type: AuditChainVerificationDto })
  @ApiProblems(404)
  async verifyAuditChain(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<AuditChainVerificationDto> {
    return AuditChainVerificationDto.from(
      await this.verify.execute({ actor, schoolId: schoolId as SchoolId }),
    );
  }
}
