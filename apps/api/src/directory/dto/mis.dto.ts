import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MisConnectionView, SyncRunView } from '@rowan/directory';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Length, Max, Min } from 'class-validator';

export class ConnectMisRequest {
  @ApiProperty({ example: 'A1930499544', description: 'The school’s id at Wonde' })
  @IsString()
  @Length(1, 64)
  wondeSchoolId!: string;

  @ApiProperty({ description: 'The school’s Wonde API token. Stored sealed; never returned.' })
  @IsString()
  @Length(8, 500)
  token!: string;

  @ApiPropertyOptional({
    example: 'https://api.wonde.com/v1.0/',
    description: 'Wonde’s regional API base URL',
  })
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  baseUrl: string = 'https://api.wonde.com/v1.0/';

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 23,
    default: 2,
    description: 'Hour of the daily sync (UK time)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  dailySyncHour: number = 2;
}

export class MisConnectionDto {
  @ApiProperty({ enum: ['wonde'] }) provider!: 'wonde';
  @ApiProperty() wondeSchoolId!: string;
  @ApiProperty() baseUrl!: string;
  @ApiProperty() dailySyncHour!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSyncedFrom!: string | null;

  static from(view: MisConnectionView): MisConnectionDto {
    return {
      provider: view.provider,
      wondeSchoolId: view.externalSchoolId,
      baseUrl: view.baseUrl,
      dailySyncHour: view.dailySyncHour,
      lastSyncedFrom: view.lastSyncedFrom?.toISOString() ?? null,
    };
  }
}

export class RequestSyncRequest {
  @ApiPropertyOptional({
    enum: ['full', 'delta'],
    default: 'delta',
    description: 'A delta reads changes since the last successful sync',
  })
  @IsIn(['full', 'delta'])
  mode: 'full' | 'delta' = 'delta';
}

class SyncCountsDto {
  @ApiProperty() added!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() left!: number;
  @ApiProperty() unchanged!: number;
}

class SyncTallyDto {
  @ApiProperty({ type: SyncCountsDto }) pupils!: SyncCountsDto;
  @ApiProperty({ type: SyncCountsDto }) contacts!: SyncCountsDto;
  @ApiProperty({ type: SyncCountsDto }) staff!: SyncCountsDto;
  @ApiProperty({ type: SyncCountsDto }) groups!: SyncCountsDto;
}

export class SyncRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['wonde', 'csv'] }) source!: 'wonde' | 'csv';
  @ApiProperty({ enum: ['full', 'delta'] }) mode!: 'full' | 'delta';
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status!: SyncRunView['status'];
  @ApiProperty({ enum: ['waiting', 'groups', 'pupils', 'leavers', 'staff', 'done'] })
  phase!: SyncRunView['phase'];
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ type: SyncTallyDto }) tally!: SyncTallyDto;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;

  static from(r: SyncRunView): SyncRunDto {
    return {
      id: r.id,
      source: r.source,
      mode: r.mode,
      status: r.status,
      phase: r.phase,
      percent: r.percent,
      tally: r.tally,
      error: r.error,
      queuedAt: r.queuedAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  }
}

export class SyncRunPageDto {
  @ApiProperty({ type: [SyncRunDto] }) items!: SyncRunDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
