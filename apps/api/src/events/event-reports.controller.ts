import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  equityTable,
  ExportEventParticipationReportUseCase,
  GetEventEquityReportUseCase,
  GetEventParticipationReportUseCase,
  PaymentsReportUseCase,
} from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import { ApiReportFile, ExportQuery, ReportDownloads } from '../http/report-export';
import { EventEquityReportDto, EventParticipationReportDto } from './dto/event-reports.dto';
import { PaymentsReportDto } from './dto/payments.dto';

const PARTICIPATION =
  'Every pupil the event invited, by surname: year group, class, Pupil Premium, FSM and SEN flags, where their ' +
  'booking stands (confirmed, waitlisted, offered, cancelled or not responded), consent if the event has a ' +
  'form, and the registers marking them present or absent.';
const EQUITY =
  'Take-up (a confirmed place over invited) of Pupil Premium, FSM and SEN pupils, each against the rest of ' +
  'those the event invited.';

const PAYMENTS =
  'Each booking with money on it: charged, subsidised (Pupil Premium or FSM), sibling discount, due, paid, ' +
  'refunded and still outstanding, in pence.';

@ApiTags('Reports')
@Controller('api/v1/schools/:schoolId/events/:eventId/reports')
export class EventReportsController {
  constructor(
    private readonly participation: GetEventParticipationReportUseCase,
    private readonly participationExport: ExportEventParticipationReportUseCase,
    private readonly equity: GetEventEquityReportUseCase,
    private readonly payments: PaymentsReportUseCase,
    private readonly downloads: ReportDownloads,
  ) {}

  @Get('payments')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'getEventPaymentsReport',
    summary: 'Payments for an event, booking by booking',
    description: `${PAYMENTS} Totals over every booking; the bookings cursor paged.`,
  })
  @ApiOkResponse({ type: PaymentsReportDto })
  @ApiProblems(400, 404)
  async getEventPaymentsReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: PageQuery,
  ): Promise<PaymentsReportDto> {
    return PaymentsReportDto.from(
      await this.payments.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        page: query.toPageRequest(),
      }),
    );
  }

  @Get('payments/export')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'exportEventPaymentsReport',
    summary: 'Download payments for an event (CSV or Excel)',
    description: `${PAYMENTS} Every booking, streamed; amounts in pounds.`,
  })
  @ApiReportFile('The payments report')
  @ApiProblems(400, 404)
  async exportEventPaymentsReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.payments.export({ actor, schoolId: schoolId as SchoolId, eventId });
    await this.downloads.send(reply, report, {
      actor,
      where: { schoolId: schoolId as SchoolId },
      kind: 'payments',
      subjectId: eventId,
      format: query.format,
    });
  }

  @Get('participation')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'getEventParticipationReport',
    summary: 'Participation in an event, pupil by pupil',
    description: `${PARTICIPATION} Cursor paged.`,
  })
  @ApiOkResponse({ type: EventParticipationReportDto })
  @ApiProblems(400, 404)
  async getEventParticipationReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: PageQuery,
  ): Promise<EventParticipationReportDto> {
    return EventParticipationReportDto.from(
      await this.participation.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        page: query.toPageRequest(),
      }),
    );
  }

  @Get('participation/export')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'exportEventParticipationReport',
    summary: 'Download participation in an event (CSV or Excel)',
    description: `${PARTICIPATION} Every invited pupil, streamed.`,
  })
  @ApiReportFile('The participation report')
  @ApiProblems(400, 404)
  async exportEventParticipationReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.participationExport.execute({ actor, schoolId: schoolId as SchoolId, eventId });
    await this.downloads.send(reply, report, {
      actor,
      where: { schoolId: schoolId as SchoolId },
      kind: 'participation',
      subjectId: eventId,
      format: query.format,
    });
  }

  @Get('equity')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'getEventEquityReport',
    summary: 'Equity of take-up for an event',
    description: EQUITY,
  })
  @ApiOkResponse({ type: EventEquityReportDto })
  @ApiProblems(400, 404)
  async getEventEquityReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<EventEquityReportDto> {
    return EventEquityReportDto.from(
      await this.equity.execute({ actor, schoolId: schoolId as SchoolId, eventId }),
    );
  }

  @Get('equity/export')
  @RequirePermission('reports:read')
  @ApiOperation({
    operationId: 'exportEventEquityReport',
    summary: 'Download equity of take-up for an event (CSV or Excel)',
    description: EQUITY,
  })
  @ApiReportFile('The equity report')
  @ApiProblems(400, 404)
  async exportEventEquityReport(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: ExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.equity.execute({ actor, schoolId: schoolId as SchoolId, eventId });
    await this.downloads.send(reply, equityTable(report, report.title), {
      actor,
      where: { schoolId: schoolId as SchoolId },
      kind: 'equity',
      subjectId: eventId,
      format: query.format,
    });
  }
}
