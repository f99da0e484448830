import { ApiProperty } from '@nestjs/swagger';
import type { CommunicationSettings } from '@rowan/communications';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

class QuietHoursDto {
  @ApiProperty({ minimum: 0, maximum: 23, example: 21, description: 'UK hour quiet hours start' })
  @IsInt()
  @Min(0)
  @Max(23)
  start!: number;

  @ApiProperty({ minimum: 0, maximum: 23, example: 7, description: 'UK hour they end (may wrap midnight)' })
  @IsInt()
  @Min(0)
  @Max(23)
  end!: number;
}

/** The school's sending rules. `null` means none (no quiet hours, no budget, never ask for approval). */
export class CommunicationSettingsDto {
  @ApiProperty({
    minimum: 5,
    maximum: 10080,
    description: 'Unread app messages fall back after this many minutes',
  })
  @IsInt()
  @Min(5)
  @Max(10_080)
  fallbackAfterMinutes!: number;

  @ApiProperty({ type: QuietHoursDto, nullable: true, description: 'Routine messages wait for these to end' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, description: 'Monthly SMS budget in pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  smsBudgetPence!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    description: 'Above this many recipients, approval',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  approvalThreshold!: number | null;

  @ApiProperty({ minimum: 1, maximum: 100, description: 'Price of one SMS segment in pence' })
  @IsInt()
  @Min(1)
  @Max(100)
  smsSegmentPence!: number;

  toSettings(): Omit<CommunicationSettings, 'trustSmsBudgetPence'> {
    return {
      fallbackAfterMinutes: this.fallbackAfterMinutes,
      quietHours: this.quietHours ? { start: this.quietHours.start, end: this.quietHours.end } : null,
      smsBudgetPence: this.smsBudgetPence ?? null,
      approvalThreshold: this.approvalThreshold ?? null,
      smsSegmentPence: this.smsSegmentPence,
    };
  }
}

export class CommunicationSettingsViewDto extends CommunicationSettingsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The trust’s monthly SMS budget in pence' })
  trustSmsBudgetPence!: number | null;

  static from(s: CommunicationSettings): CommunicationSettingsViewDto {
    return Object.assign(new CommunicationSettingsViewDto(), {
      fallbackAfterMinutes: s.fallbackAfterMinutes,
      quietHours: s.quietHours ? { ...s.quietHours } : null,
      smsBudgetPence: s.smsBudgetPence,
      approvalThreshold: s.approvalThreshold,
      smsSegmentPence: s.smsSegmentPence,
      trustSmsBudgetPence: s.trustSmsBudgetPence,
    });
  }
}
