import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  equityTable,
  GetGroupParticipationReportUseCase,
  GetSchoolEquityReportUseCase,
  GetTrustEventsSummaryUseCase,
  groupParticipationTable,
  trustEventsSummaryTable,
} from '@rowan/events';
import type { SchoolId, TrustId } from '@rowan/kernel';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { ApiReportFile, ReportDownloads } from '../http/report-export';
import {
  GroupParticipationExportQuery,
  GroupParticipationQuery,
  GroupParticipationReportDto,
  ReportDatesExportQuery,
  ReportDatesQuery,
  SchoolEquityReportDto,
  TrustEventsSummaryDto,
} from './dto/event-reports.dto';

const GROUP =
  'For a year group (`ncYear`) or a class (`registrationGroup`), exactly one: each trip and club starting in ' +
  'the date range (UK days, the current academic year by default) that invited any of them, with how many ' +
  'were invited, booked (a confirmed place) and attended (marked present at a register).';
const EQUITY =
  'Across the school’s trips and clubs starting in the date range (every invitation counted): take-up of ' +
  'Pupil Premium, FSM and SEN pupils, each against the rest of those invited.';
const TRUST =
  'Trust administrators. For each school of the trust, trips and clubs starting in the date range: events ' +
  'run, pupils invited and booked, take-up, and Pupil Premium and FSM take-up.';

@ApiTags('Reports')
@Controller('api/v1/schools/:schoolId/reports')
export class SchoolReportsController {
  constructor(
    private readonly group: GetGroupParticipationReportUseCase,
    private readonly equity: GetSchoolEquityReportUseCase,
    private readonly downloads: ReportDownloads,
  ) {}

  @Get('group-participation')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'getGroupParticipationReport',
    summary: 'Participation of a year group or class across events',
    description: GROUP,
  })
  @ApiOkResponse({ type: GroupParticipationReportDto })
  @ApiProblems(400, 404)
  async getGroupParticipationReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: GroupParticipationQuery,
  ): Promise<GroupParticipationReportDto> {
    return GroupParticipationReportDto.from(
      await this.group.execute({ actor, schoolId: schoolId as SchoolId, ...query }),
    );
  }

  @Get('group-participation/export')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'exportGroupParticipationReport',
    summary: 'Download participation of a year group or class (CSV or Excel)',
    description: GROUP,
  })
  @ApiReportFile('The group participation report')
  @ApiProblems(400, 404)
  async exportGroupParticipationReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: GroupParticipationExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...rest } = query;
    const report = await this.group.execute({ actor, schoolId: schoolId as SchoolId, ...rest });
    await this.downloads.send(reply, groupParticipationTable(report), {
      actor,
      where: { schoolId: schoolId as SchoolId },
      kind: 'group-participation',
      format,
      filters: definedOnly(rest),
    });
  }

  @Get('equity')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'getSchoolEquityReport',
    summary: 'Equity of take-up across the school’s events',
    description: EQUITY,
  })
  @ApiOkResponse({ type: SchoolEquityReportDto })
  @ApiProblems(400, 404)
  async getSchoolEquityReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ReportDatesQuery,
  ): Promise<SchoolEquityReportDto> {
    return SchoolEquityReportDto.from(
      await this.equity.execute({ actor, schoolId: schoolId as SchoolId, ...query }),
    );
  }

  @Get('equity/export')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'exportSchoolEquityReport',
    summary: 'Download equity of take-up across the school’s events (CSV or Excel)',
    description: EQUITY,
  })
  @ApiReportFile('The equity report')
  @ApiProblems(400, 404)
  async exportSchoolEquityReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ReportDatesExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...rest } = query;
    const report = await this.equity.execute({ actor, schoolId: schoolId as SchoolId, ...rest });
    await this.downloads.send(reply, equityTable(report, `${report.from}-to-${report.to}`), {
      actor,
      where: { schoolId: schoolId as SchoolId },
      kind: 'school-equity',
      format,
      filters: { from: report.from, to: report.to },
    });
  }
}

@ApiTags('Reports')
@Controller('api/v1/trusts/:trustId/reports')
export class TrustReportsController {
  constructor(
    private readonly summary: GetTrustEventsSummaryUseCase,
    private readonly downloads: ReportDownloads,
  ) {}

  @Get('events')
  @RequirePermission('trust_reports:read')
  @ApiOperation({
    operationId: 'getTrustEventsSummary',
    summary: 'Events across the trust, school by school',
    description: TRUST,
  })
  @ApiOkResponse({ type: TrustEventsSummaryDto })
  @ApiProblems(400, 404)
  async getTrustEventsSummary(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Query() query: ReportDatesQuery,
  ): Promise<TrustEventsSummaryDto> {
    return TrustEventsSummaryDto.from(
      await this.summary.execute({ actor, trustId: trustId as TrustId, ...query }),
    );
  }

  @Get('events/export')
  @RequirePermission('trust_reports:read')
  @ApiOperation({
    operationId: 'exportTrustEventsSummary',
    summary: 'Download events across the trust (CSV or Excel)',
    description: TRUST,
  })
  @ApiReportFile('The trust events summary')
  @ApiProblems(400, 404)
  async exportTrustEventsSummary(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Query() query: ReportDatesExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...rest } = query;
    const summary = await this.summary.execute({ actor, trustId: trustId as TrustId, ...rest });
    await this.downloads.send(reply, trustEventsSummaryTable(summary), {
      actor,
      where: { trustId: trustId as TrustId },
      kind: 'trust-events',
      format,
      filters: definedOnly(rest),
    });
  }
}

/** The query's choices that were made, for the audit record. */
function definedOnly(query: object): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}
