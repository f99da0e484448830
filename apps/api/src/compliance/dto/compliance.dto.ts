import { ApiProperty } from '@nestjs/swagger';
import type { RetentionOverview, RetentionRun, SchoolContract, SchoolDeletion } from '@rowan/compliance';
import { Matches } from 'class-validator';

const counts = {
  type: 'object',
  additionalProperties: { type: 'integer' },
} as const;

export class RetentionOverviewDto {
  @ApiProperty({
    example: 2,
    description: 'Whole academic years a leaver is kept after the year they left in',
  })
  retentionYears!: number;

  @ApiProperty({ description: 'Leavers still kept, viewable by staff' })
  kept!: number;

  @ApiProperty({ description: 'Leavers anonymised so far' })
  anonymised!: number;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Earliest leave date still kept',
  })
  earliestLeaveDate!: string | null;

  @ApiProperty({
    format: 'date',
    description: 'Leavers who left on or before this day are anonymised by today’s run',
  })
  dueIfLeftOnOrBefore!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the next leavers go' })
  nextAnonymisationOn!: string | null;

  static from(o: RetentionOverview): RetentionOverviewDto {
    return { ...o };
  }
}

export class RetentionRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) ranAt!: string;
  @ApiProperty({ format: 'date', description: 'Leavers who left on or before this day were due' })
  leftOnOrBefore!: string;
  @ApiProperty({ description: 'Pupils anonymised' }) pupils!: number;
  @ApiProperty({ description: 'Contacts anonymised (no current child left)' }) contacts!: number;
  @ApiProperty({
    ...counts,
    description: 'Rows changed, by context and table',
    example: { 'directory.pupils': 3 },
  })
  rows!: Record<string, number>;

  static from(r: RetentionRun): RetentionRunDto {
    return {
      id: r.id,
      ranAt: r.ranAt.toISOString(),
      leftOnOrBefore: r.leftOnOrBefore,
      pupils: r.pupils,
      contacts: r.contacts,
      rows: { ...r.rows },
    };
  }
}

export class RetentionRunPageDto {
  @ApiProperty({ type: [RetentionRunDto] }) items!: RetentionRunDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ContractEndRequest {
  @ApiProperty({ format: 'date', example: '2027-08-31', description: 'The contract’s last day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, YYYY-MM-DD' })
  endsOn!: string;
}

export class ContractDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The contract’s last day, once recorded',
  })
  endsOn!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The day all of the school’s data is destroyed: 30 days after the contract ends',
  })
  destroyOn!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;

  static from(c: SchoolContract | null): ContractDto {
    return {
      endsOn: c?.endsOn ?? null,
      destroyOn: c?.destroyOn ?? null,
      recordedAt: c ? c.recordedAt.toISOString() : null,
    };
  }
}

export class SchoolDeletionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The school that was (the id no longer resolves)' })
  schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty({ type: String, nullable: true }) urn!: string | null;
  @ApiProperty({ format: 'date' }) contractEndedOn!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while it runs' })
  finishedAt!: string | null;
  @ApiProperty({ ...counts, description: 'Rows deleted, by table', example: { pupils: 412 } })
  rows!: Record<string, number>;
  @ApiProperty({ description: 'Rows deleted in all' }) totalRows!: number;

  static from(d: SchoolDeletion): SchoolDeletionDto {
    return {
      id: d.id,
      schoolId: d.schoolId,
      schoolName: d.schoolName,
      urn: d.urn,
      contractEndedOn: d.contractEndedOn,
      startedAt: d.startedAt.toISOString(),
      finishedAt: d.finishedAt ? d.finishedAt.toISOString() : null,
      rows: { ...d.rows },
      totalRows: Object.values(d.rows).reduce((a, b) => a + b, 0),
    };
  }
}

export class SchoolDeletionPageDto {
  @ApiProperty({ type: [SchoolDeletionDto] }) items!: SchoolDeletionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
