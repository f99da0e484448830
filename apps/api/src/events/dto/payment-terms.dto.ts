import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PaymentTerms, Subsidy } from '@rowan/events';
import { IsDateString, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const SUBSIDIES = ['none', 'free', 'percent', 'cap'] as const;

/** How a priced event is paid for: the subsidy for Pupil Premium and FSM pupils, a sibling discount, a deposit. */
export class PaymentTermsDto {
  @ApiProperty({
    enum: SUBSIDIES,
    description:
      'For Pupil Premium and free-school-meals pupils: `free`, `percent` (the school pays `subsidyPercent`) or `cap` (the family pays at most `subsidyMaxP`)',
  })
  @IsIn(SUBSIDIES)
  subsidy!: Subsidy['kind'];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  subsidyPercent?: number | null;

  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number, description: 'Pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  subsidyMaxP?: number | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'Off the second and later children of a family',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  siblingDiscountPercent?: number;

  @ApiPropertyOptional({ minimum: 1, nullable: true, type: Number, description: 'Pence paid when booking' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  depositP?: number | null;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the balance is due',
  })
  @IsOptional()
  @IsDateString()
  balanceDueAt?: string | null;

  toTerms(): PaymentTerms {
    return {
      subsidy: subsidyOf(this),
      siblingDiscountPercent: this.siblingDiscountPercent ?? 0,
      depositP: this.depositP ?? null,
      balanceDueAt: this.balanceDueAt ? new Date(this.balanceDueAt) : null,
    };
  }

  static from(t: PaymentTerms): PaymentTermsDto {
    return Object.assign(new PaymentTermsDto(), {
      subsidy: t.subsidy.kind,
      subsidyPercent: t.subsidy.kind === 'percent' ? t.subsidy.percent : null,
      subsidyMaxP: t.subsidy.kind === 'cap' ? t.subsidy.maxP : null,
      siblingDiscountPercent: t.siblingDiscountPercent,
      depositP: t.depositP,
      balanceDueAt: t.balanceDueAt ? new Date(t.balanceDueAt).toISOString() : null,
    });
  }
}

function subsidyOf(d: PaymentTermsDto): Subsidy {
  switch (d.subsidy) {
    case 'percent':
      // A missing percentage is refused by the domain's check, naming the field.
      return { kind: 'percent', percent: d.subsidyPercent ?? 0 };
    case 'cap':
      return { kind: 'cap', maxP: d.subsidyMaxP ?? -1 };
    case 'free':
      return { kind: 'free' };
    case 'none':
      return { kind: 'none' };
  }
}
