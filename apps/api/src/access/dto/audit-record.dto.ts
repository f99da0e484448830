import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditChainVerification, AuditRecordWithActor } from '@rowan/access';
import { IsDateString, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../http/page.query';

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
}

export class AuditRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null when Rowan itself acted' })
  actor!: AuditActorDto | null;
  @ApiProperty({ example: 'membership.invited' }) action!: string;
  @ApiProperty({ example: 'membership' }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty({ example: 'Invited Sam Jones <sam.jones@school.example> as teacher' }) summary!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ description: 'In the school’s hash chain yet (the sealer takes a few seconds)' })
  sealed!: boolean;

  static from({ record, actor }: AuditRecordWithActor): AuditRecordDto {
    return {
      id: record.id,
      at: record.at.toISOString(),
      actor: actor ? { id: actor.id, name: actor.name, email: actor.email } : null,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      summary: record.summary,
      before: record.before ? { ...record.before } : null,
      after: record.after ? { ...record.after } : null,
      requestId: record.requestId,
      sealed: record.hash !== null,
    };
  }
}

export class AuditChainBreakDto {
  @ApiProperty({
    enum: ['altered', 'missing'],
    description: 'altered: the record no longer matches its hash; missing: a record was removed',
  })
  reason!: 'altered' | 'missing';
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The altered record, or the one found where a removed record should be (null: the newest were removed)',
  })
  recordId!: string | null;
  @ApiProperty({ description: 'Its place in the chain (for a removal, the missing number)' })
  chainSeq!: number;
}

export class AuditChainVerificationDto {
  @ApiProperty({ description: 'Every sealed record matches its hash and none is missing' }) intact!: boolean;
  @ApiProperty({ description: 'Records in the chain' }) sealed!: number;
  @ApiProperty({ description: 'Records older than a few seconds the sealer has not reached yet' })
  unsealed!: number;
  @ApiPropertyOptional({ type: AuditChainBreakDto, description: 'Where the chain first breaks' })
  firstBroken?: AuditChainBreakDto;

  static from(v: AuditChainVerification): AuditChainVerificationDto {
    return {
      intact: v.intact,
      sealed: v.sealed,
      unsealed: v.unsealed,
      ...(v.firstBroken
        ? {
            firstBroken: {
              reason: v.firstBroken.reason,
              recordId: v.firstBroken.recordId,
              chainSeq: v.firstBroken.chainSeq,
            },
          }
        : {}),
    };
  }
}

export class AuditRecordPageDto {
  @ApiProperty({ type: [AuditRecordDto] }) items!: AuditRecordDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListAuditRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'membership.invited' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'must look like membership.invited' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'booking', description: 'What the change was to' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'must look like booking or membership' })
  targetType?: string;

  @ApiPropertyOptional({ description: 'The one it was to (an id)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be an id' })
  targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive' })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO 8601 date or date-time' })
  to?: string;
}
