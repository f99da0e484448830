import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  ExportSubjectAccessUseCase,
  renderSubjectAccessHtml,
  SUBJECT_ACCESS_CSP,
  type SubjectKind,
} from '@rowan/compliance';
import type { SchoolId } from '@rowan/kernel';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { SubjectAccessExportDto, SubjectAccessQuery } from './dto/subject-access.dto';

const ABOUT =
  'For a subject access request (UK GDPR Article 15): everything Rowan holds about the person at this school, ' +
  'section by section (directory record, events, payments, communications, account and audit trail), each ' +
  'saying what it is for and where it comes from. Every export is recorded in the audit trail ' +
  '(`subject_access.exported`). `?format=html` answers a standalone page to read, print or save instead.';

function ApiSubjectAccess(operationId: string, who: string) {
  return applyDecorators(
    RequirePermission('subject_access:export'),
    ApiOperation({ operationId, summary: `Subject access export for ${who}`, description: ABOUT }),
    ApiExtraModels(SubjectAccessExportDto),
    ApiOkResponse({
      description:
        'The export: JSON, or with `?format=html` a readable page (no scripts; styles allowed by hash)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(SubjectAccessExportDto) } },
        'text/html': { schema: { type: 'string', description: 'A standalone HTML page' } },
      },
    }),
    ApiProblems(400, 404),
  );
}

@ApiTags('Data protection')
@Controller('api/v1/schools/:schoolId/subject-access')
export class SubjectAccessController {
  constructor(private readonly exportSubjectAccess: ExportSubjectAccessUseCase) {}

  @Get('pupils/:pupilId')
  @ApiSubjectAccess('exportPupilSubjectAccess', 'a pupil')
  exportPupil(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('pupilId') pupilId: string,
    @Query() query: SubjectAccessQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectAccessExportDto | string> {
    return this.export(actor, schoolId, 'pupil', pupilId, query, reply);
  }

  @Get('contacts/:contactId')
  @ApiSubjectAccess('exportContactSubjectAccess', 'a contact (parent or carer)')
  exportContact(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('contactId') contactId: string,
    @Query() query: SubjectAccessQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectAccessExportDto | string> {
    return this.export(actor, schoolId, 'contact', contactId, query, reply);
  }

  @Get('staff/:staffId')
  @ApiSubjectAccess('exportStaffSubjectAccess', 'a member of staff')
  exportStaff(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('staffId') staffId: string,
    @Query() query: SubjectAccessQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubjectAccessExportDto | string> {
    return this.export(actor, schoolId, 'staff', staffId, query, reply);
  }

  private async export(
    actor: Actor,
    schoolId: string,
    kind: SubjectKind,
    id: string,
    query: SubjectAccessQuery,
    reply: FastifyReply,
  ): Promise<SubjectAccessExportDto | string> {
    const format = query.format ?? 'json';
    const report = await this.exportSubjectAccess.execute({
      actor,
      schoolId: schoolId as SchoolId,
      subject: { kind, id },
      format,
    });
    reply.header('cache-control', 'no-store');
    if (format === 'json') {
      return SubjectAccessExportDto.from(report);
    }
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', SUBJECT_ACCESS_CSP)
      .header('content-disposition', `inline; filename="subject-access-${kind}-${id}.html"`);
    return renderSubjectAccessHtml(report);
  }
}
