import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be an email' }) message!: string;
  @ApiPropertyOptional({
    description: 'For an uploaded file: the line at fault (1 is the header)',
    example: 14,
  })
  line?: number;
  @ApiPropertyOptional({ description: 'For an uploaded file: the column at fault', example: 'date_of_birth' })
  column?: string;
}

/** RFC 9457 problem details (application/problem+json). */
export class ProblemDto {
  @ApiProperty({ example: 'https://rowan.school/problems/kernel-validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiProperty({ example: '/api/v1/schools/…/memberships' }) instance!: string;
  @ApiProperty({ example: 'KERNEL.VALIDATION_FAILED' }) code!: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
