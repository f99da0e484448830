import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * The pupil rules a message audience and an event's eligibility share, read the same way by both: pupils on roll
 * in any of the years or groups, or named; none of them means the whole school. Each request adds its own
 * characteristics (a message may also narrow to EAL, an event may not).
 */
export class PupilSelectorsDto {
  @ApiPropertyOptional({
    type: [Number],
    description: 'NC years (0 Reception, -1/-2 nursery): pupils in any',
  })
  @IsOptional()
  @IsInt({ each: true })
  @Min(-2, { each: true })
  @Max(14, { each: true })
  @ArrayMaxSize(20)
  ncYears?: number[];

  @ApiPropertyOptional({ type: [String], description: 'Groups or classes: pupils in any' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  groupIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Named pupils' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(5000)
  pupilIds?: string[];

  protected selectors(): { ncYears: number[]; groupIds: string[]; pupilIds: string[] } {
    return { ncYears: this.ncYears ?? [], groupIds: this.groupIds ?? [], pupilIds: this.pupilIds ?? [] };
  }
}
