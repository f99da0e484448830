import { ApiProperty } from '@nestjs/swagger';
import type { SchoolDirectoryOverview } from '@rowan/directory';
import { SyncRunDto } from './mis.dto';

class DirectoryCountsDto {
  @ApiProperty() pupilsOnRoll!: number;
  @ApiProperty() leavers!: number;
  @ApiProperty() contacts!: number;
  @ApiProperty() staff!: number;
}

export class SchoolDirectoryOverviewDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: DirectoryCountsDto }) counts!: DirectoryCountsDto;
  @ApiProperty({ type: SyncRunDto, nullable: true }) lastSync!: SyncRunDto | null;

  static from(o: SchoolDirectoryOverview): SchoolDirectoryOverviewDto {
    return {
      schoolId: o.schoolId,
      name: o.name,
      counts: { ...o.counts },
      lastSync: o.lastSync ? SyncRunDto.from(o.lastSync) : null,
    };
  }
}

export class TrustDirectoryOverviewDto {
  @ApiProperty({ type: [SchoolDirectoryOverviewDto] }) schools!: SchoolDirectoryOverviewDto[];
}
