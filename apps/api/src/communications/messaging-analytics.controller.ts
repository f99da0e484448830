import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetSchoolMessagingAnalyticsUseCase, GetTrustMessagingAnalyticsUseCase } from '@rowan/communications';
import type { SchoolId, TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import {
  MessagingAnalyticsQuery,
  SchoolMessagingAnalyticsDto,
  TrustMessagingAnalyticsDto,
} from './dto/messaging-analytics.dto';

const DEFINITIONS =
  'Periods are UK (Europe/London) calendar weeks from Monday or months. Messages, recipients, reach and ' +
  'deliveries count in the period a message began sending; SMS segments and cost in the period each text ' +
  'was handed to the provider (as the SMS budget counts them), at the segments the provider reported, else ' +
  'those estimated, times the school’s price per segment. A recipient is reached when any of their ' +
  'deliveries is now sent, delivered or read.';

@ApiTags('Messages')
@Controller('api/v1/schools/:schoolId/messaging-analytics')
export class SchoolMessagingAnalyticsController {
  constructor(private readonly analytics: GetSchoolMessagingAnalyticsUseCase) {}

  @Get()
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'getSchoolMessagingAnalytics',
    summary: 'The school’s messages, reach and SMS cost per week or month',
    description: DEFINITIONS,
  })
  @ApiOkResponse({ type: SchoolMessagingAnalyticsDto })
  @ApiProblems(400, 404)
  async getSchoolMessagingAnalytics(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: MessagingAnalyticsQuery,
  ): Promise<SchoolMessagingAnalyticsDto> {
    return SchoolMessagingAnalyticsDto.from(
      await this.analytics.execute({ actor, schoolId: schoolId as SchoolId, ...query.toRange() }),
    );
  }
}

@ApiTags('Messages')
@Controller('api/v1/trusts/:trustId/messaging-analytics')
export class TrustMessagingAnalyticsController {
  constructor(private readonly analytics: GetTrustMessagingAnalyticsUseCase) {}

  @Get()
  @RequirePermission('trust_messages:read')
  @ApiOperation({
    operationId: 'getTrustMessagingAnalytics',
    summary: 'The trust’s messages, reach and SMS cost per week or month, school by school',
    description: `Trust admins. ${DEFINITIONS}`,
  })
  @ApiOkResponse({ type: TrustMessagingAnalyticsDto })
  @ApiProblems(400, 404)
  async getTrustMessagingAnalytics(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Query() query: MessagingAnalyticsQuery,
  ): Promise<TrustMessagingAnalyticsDto> {
    return TrustMessagingAnalyticsDto.fromTrust(
      await this.analytics.execute({ actor, trustId: trustId as TrustId, ...query.toRange() }),
    );
  }
}
