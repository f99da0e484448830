import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DirectoryImportView, ImportChange } from '@rowan/directory';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const MAX_FILE = 8_000_000;

const fileProperty = (name: string, description: string) =>
  ApiPropertyOptional({
    description: `The text of ${name}, as saved from a spreadsheet (UTF-8; a byte-order mark is fine). ${description}`,
    maxLength: MAX_FILE,
  });

export class UploadDirectoryFilesRequest {
  @fileProperty(
    'pupils.csv',
    'Columns: pupil_id*, upn, legal_forename*, legal_surname*, preferred_forename, preferred_surname, date_of_birth, year, registration_class, groups, pupil_premium, free_school_meals, sen, eal, leave_date. Requires contacts.',
  )
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILE)
  pupils?: string;

  @fileProperty(
    'contacts.csv',
    'One row per pupil and contact. Columns: pupil_id*, contact_id*, title, forename*, surname*, relationship*, parental_responsibility, priority, lives_with_pupil, email, mobile. Requires pupils.',
  )
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILE)
  contacts?: string;

  @fileProperty('staff.csv', 'Columns: staff_id*, title, forename*, surname*, job_title, email.')
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILE)
  staff?: string;
}

class ImportSamplesDto {
  @ApiProperty({ type: [String], description: 'Names, at most 50' }) added!: string[];
  @ApiProperty({ type: [String], description: 'Names, at most 50' }) changed!: string[];
  @ApiProperty({ type: [String], description: 'Names, at most 50' }) left!: string[];
}

class ImportChangeDto {
  @ApiProperty() added!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() left!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: ImportSamplesDto }) samples!: ImportSamplesDto;

  static from(c: ImportChange): ImportChangeDto {
    return {
      added: c.added,
      changed: c.changed,
      left: c.left,
      unchanged: c.unchanged,
      samples: { added: [...c.samples.added], changed: [...c.samples.changed], left: [...c.samples.left] },
    };
  }
}

class ImportPreviewDto {
  @ApiProperty({ type: ImportChangeDto }) pupils!: ImportChangeDto;
  @ApiProperty({ type: ImportChangeDto }) contacts!: ImportChangeDto;
  @ApiProperty({ type: ImportChangeDto }) staff!: ImportChangeDto;
}

export class DirectoryImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ enum: ['previewed', 'applied'] }) status!: 'previewed' | 'applied';
  @ApiProperty({ enum: ['pupils', 'contacts', 'staff'], isArray: true }) files!: Array<
    'pupils' | 'contacts' | 'staff'
  >;
  @ApiProperty({ type: ImportPreviewDto, description: 'What applying would change (measured at upload)' })
  preview!: ImportPreviewDto;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Not applied by then, the upload is forgotten' })
  expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appliedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The sync run it became' })
  runId!: string | null;

  static from(view: DirectoryImportView): DirectoryImportDto {
    return {
      id: view.id,
      schoolId: view.schoolId,
      status: view.status,
      files: [...view.files],
      preview: {
        pupils: ImportChangeDto.from(view.preview.pupils),
        contacts: ImportChangeDto.from(view.preview.contacts),
        staff: ImportChangeDto.from(view.preview.staff),
      },
      uploadedAt: view.uploadedAt.toISOString(),
      expiresAt: view.expiresAt.toISOString(),
      appliedAt: view.appliedAt?.toISOString() ?? null,
      runId: view.runId,
    };
  }
}
