import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENING_MODES, type EveningMode, type EveningSetup, type TimeRange } from '@rowan/events';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EligibilityDto } from './event.request.dto';

export class TimeRangeDto {
  @ApiProperty({ format: 'date-time' }) @IsDateString() from!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() to!: string;

  toRange(): TimeRange {
    return { from: new Date(this.from), to: new Date(this.to) };
  }
}

export class EveningTeacherRequest {
  @ApiProperty({ format: 'uuid', description: 'A member of staff from the directory' })
  @IsUUID()
  staffId!: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The classes or groups they see parents for; none: every invited pupil',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  groupIds?: string[];
  @ApiProperty({ type: [TimeRangeDto] })
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  windows!: TimeRangeDto[];
  @ApiPropertyOptional({ type: [TimeRangeDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  @ArrayMaxSize(10)
  breaks?: TimeRangeDto[];
}

export class CreateParentsEveningRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ minimum: 5, maximum: 60 }) @IsInt() @Min(5) @Max(60) slotMinutes!: number;
  @ApiProperty({ enum: EVENING_MODES }) @IsIn(EVENING_MODES) mode!: EveningMode;
  @ApiPropertyOptional({ description: 'For a video evening' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  videoLink?: string;
  @ApiPropertyOptional({ description: 'Separated parents may each book for the same child' })
  @IsOptional()
  @IsBoolean()
  separateBookings?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'Parents book until then' })
  @IsOptional()
  @IsDateString()
  bookingCutoff?: string;
  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
  @ApiProperty({ type: [EveningTeacherRequest] })
  @ValidateNested({ each: true })
  @Type(() => EveningTeacherRequest)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  teachers!: EveningTeacherRequest[];

  toSetup(): EveningSetup {
    return {
      slotMinutes: this.slotMinutes,
      mode: this.mode,
      videoLink: this.videoLink ?? null,
      separateBookings: this.separateBookings ?? false,
      teachers: this.teachers.map((t) => ({
        staffId: t.staffId,
        groupIds: t.groupIds ?? [],
        windows: t.windows.map((w) => w.toRange()),
        breaks: (t.breaks ?? []).map((b) => b.toRange()),
      })),
    };
  }
}

export class HoldSlotRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() pupilId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() slotId!: string;
}

export class BookForMeRequest extends TimeRangeDto {
  @ApiProperty({ minimum: 0, maximum: 60, description: 'Minutes free between appointments' })
  @IsInt()
  @Min(0)
  @Max(60)
  gapMinutes!: number;
}

export class AppointmentsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One teacher’s list' })
  @IsOptional()
  @IsUUID()
  staffId?: string;
}
