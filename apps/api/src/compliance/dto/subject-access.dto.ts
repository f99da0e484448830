import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COLUMN_TYPES,
  DATA_CATEGORIES,
  SUBJECT_KINDS,
  type CellValue,
  type ColumnType,
  type DataCategory,
  type SubjectAccessReport,
  type SubjectKind,
} from '@rowan/compliance';
import { IsIn, IsOptional } from 'class-validator';

export const SUBJECT_ACCESS_FORMATS = ['json', 'html'] as const;
export type SubjectAccessFormatParam = (typeof SUBJECT_ACCESS_FORMATS)[number];

/** `?format=json|html` (JSON when left out). */
export class SubjectAccessQuery {
  @ApiPropertyOptional({
    enum: SUBJECT_ACCESS_FORMATS,
    default: 'json',
    description: 'JSON (the data), or a standalone readable HTML page to print or save',
  })
  @IsOptional()
  @IsIn(SUBJECT_ACCESS_FORMATS, { message: 'must be json or html' })
  format?: SubjectAccessFormatParam;
}

export class SubjectAccessSubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS }) kind!: SubjectKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name!: string;
}

export class SubjectAccessSchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SectionColumnDto {
  @ApiProperty({ example: 'dateOfBirth', description: 'The key of this column in each row' }) key!: string;
  @ApiProperty({ example: 'Date of birth' }) label!: string;
  @ApiProperty({
    enum: COLUMN_TYPES,
    description: 'date: YYYY-MM-DD; datetime: ISO 8601 (UTC); pence: integer pence',
  })
  type!: ColumnType;
}

export class SubjectDataSectionDto {
  @ApiProperty({ example: 'directory.characteristics', description: 'Stable; unique in an export' })
  key!: string;
  @ApiProperty({ enum: DATA_CATEGORIES, description: 'The part of Rowan that holds it' })
  category!: DataCategory;
  @ApiProperty({ example: 'Characteristics' }) title!: string;
  @ApiProperty({ description: 'What the data is for and where it comes from' }) description!: string;
  @ApiProperty({ type: [SectionColumnDto] }) columns!: SectionColumnDto[];
  @ApiProperty({
    type: 'array',
    description: 'One object per record, keyed by the columns’ keys; a missing value is null',
    items: {
      type: 'object',
      additionalProperties: {
        oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
        nullable: true,
      },
    },
  })
  rows!: Array<Record<string, CellValue>>;
}

export class SubjectAccessExportDto {
  @ApiProperty({ type: SubjectAccessSubjectDto }) subject!: SubjectAccessSubjectDto;
  @ApiProperty({ type: SubjectAccessSchoolDto }) school!: SubjectAccessSchoolDto;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [SubjectDataSectionDto] }) sections!: SubjectDataSectionDto[];

  static from(report: SubjectAccessReport): SubjectAccessExportDto {
    return {
      subject: { kind: report.subject.kind, id: report.subject.id, name: report.subject.name },
      school: { id: report.school.id, name: report.school.name },
      generatedAt: report.generatedAt.toISOString(),
      sections: report.sections.map((s) => ({
        key: s.key,
        category: s.category,
        title: s.title,
        description: s.description,
        columns: s.columns.map((c) => ({ key: c.key, label: c.label, type: c.type })),
        rows: s.rows.map((row) => Object.fromEntries(s.columns.map((c) => [c.key, row[c.key] ?? null]))),
      })),
    };
  }
}
