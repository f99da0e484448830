import { applyDecorators, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordReportExportUseCase, type RecordReportExportInput } from '@rowan/access';
import { CONTENT_TYPES, reportFile } from '@rowan/adapters/export/report-file';
import { EXPORT_FORMATS, type ExportFormat, type TabularReport } from '@rowan/kernel';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';

/** `?format=csv|xlsx` on every export (CSV when left out). */
export class ExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv', description: 'CSV (UTF-8) or Excel (XLSX)' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'must be csv or xlsx' })
  format?: ExportFormat;
}

/** The file an export answers, documented once: CSV or XLSX, as an attachment. */
export function ApiReportFile(what: string) {
  return applyDecorators(
    ApiOkResponse({
      description: `${what}, as a file to download (streamed). Text that starts like a spreadsheet formula is prefixed with an apostrophe.`,
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="…csv" or "…xlsx"',
          schema: { type: 'string' },
        },
      },
      content: {
        [CONTENT_TYPES.csv]: { schema: { type: 'string', description: 'CSV with a UTF-8 byte order mark' } },
        [CONTENT_TYPES.xlsx]: {
          schema: { type: 'string', format: 'binary', description: 'An Excel workbook' },
        },
      },
    }),
  );
}

/**
 * Streams a report as the requested file. Everything that can fail for the caller (authorisation, validation)
 * has happened before this is called, so a problem is still answered as problem+json; rows are read from the
 * database as the file goes out.
 */
export function sendReport(reply: FastifyReply, report: TabularReport, format: ExportFormat = 'csv') {
  const file = reportFile(report, format);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** What an export download is recorded as in the audit log (see RecordReportExportUseCase). */
export type ReportDownload = Omit<RecordReportExportInput, 'title' | 'format'> & {
  readonly format?: ExportFormat;
};

/**
 * Every report download: recorded in the audit log (`report.exported`), then streamed. The report's use case has
 * authorised the caller already; the record is written before the first byte goes out.
 */
@Injectable()
export class ReportDownloads {
  constructor(private readonly record: RecordReportExportUseCase) {}

  async send(reply: FastifyReply, report: TabularReport, download: ReportDownload): Promise<void> {
    const format = download.format ?? 'csv';
    await this.record.execute({ ...download, format, title: report.title });
    await sendReport(reply, report, format);
  }
}
