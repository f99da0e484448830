import { ApiProperty } from '@nestjs/swagger';
import type { TrustCommunicationSettingsView } from '@rowan/communications';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** The trust-wide monthly SMS budget. `null` means none; the field must be there either way. */
export class TrustCommunicationSettingsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100_000_000,
    description: 'Monthly SMS budget across the trust in pence (UK calendar month); null for none',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  smsBudgetPence!: number | null;
}

class SchoolSmsSpendDto {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'SMS spent this month, in pence' }) smsSpentPence!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The school’s own monthly budget, in pence' })
  smsBudgetPence!: number | null;
}

export class TrustCommunicationSettingsViewDto extends TrustCommunicationSettingsDto {
  @ApiProperty({ format: 'uuid' }) trustId!: string;
  @ApiProperty({ example: '2026-12', description: 'The UK calendar month the spend is for' }) month!: string;
  @ApiProperty({ description: 'SMS spent this month across the trust, in pence' }) smsSpentPence!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Budget left this month, in pence; null for none',
  })
  smsRemainingPence!: number | null;
  @ApiProperty({ type: [SchoolSmsSpendDto] }) schools!: SchoolSmsSpendDto[];

  static from(v: TrustCommunicationSettingsView): TrustCommunicationSettingsViewDto {
    return Object.assign(new TrustCommunicationSettingsViewDto(), {
      trustId: v.trustId,
      smsBudgetPence: v.smsBudgetPence,
      month: v.month,
      smsSpentPence: v.smsSpentPence,
      smsRemainingPence: v.smsRemainingPence,
      schools: v.schools.map((s) => ({
        schoolId: s.schoolId,
        name: s.name,
        smsSpentPence: s.smsSpentPence,
        smsBudgetPence: s.smsBudgetPence,
      })),
    });
  }
}
