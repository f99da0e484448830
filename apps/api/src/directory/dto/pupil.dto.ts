import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PupilDetail, PupilSummary } from '@rowan/directory';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../http/page.query';

export class ListPupilsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Start of a forename or surname, or a UPN' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'National curriculum year: 0 Reception, 1–13' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-2)
  @Max(14)
  ncYear?: number;

  @ApiPropertyOptional({ example: '3B' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  registrationGroup?: string;

  @ApiPropertyOptional({ enum: ['on_roll', 'left'], default: 'on_roll' })
  @IsOptional()
  @IsIn(['on_roll', 'left'])
  enrolment?: 'on_roll' | 'left';
}

export class PupilSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() preferredForename!: string;
  @ApiProperty() preferredSurname!: string;
  @ApiProperty({ type: String, nullable: true }) yearGroup!: string | null;
  @ApiProperty({ type: Number, nullable: true }) ncYear!: number | null;
  @ApiProperty({ type: String, nullable: true }) registrationGroup!: string | null;
  @ApiProperty({ enum: ['on_roll', 'left'] }) enrolment!: 'on_roll' | 'left';
  @ApiProperty({ type: String, format: 'date', nullable: true }) leaveDate!: string | null;
  @ApiProperty({
    description: 'Anonymised by retention two academic years after leaving: kept without a name, with its bookings and payments',
  })
  anonymised!: boolean;

  static from(p: PupilSummary): PupilSummaryDto {
    return {
      id: p.id,
      preferredForename: p.preferredForename,
      preferredSurname: p.preferredSurname,
      yearGroup: p.yearGroup,
      ncYear: p.ncYear,
      registrationGroup: p.registrationGroup,
      enrolment: p.enrolment,
      leaveDate: p.leaveDate,
      anonymised: p.anonymised,
    };
  }
}

export class PupilPageDto {
  @ApiProperty({ type: [PupilSummaryDto] }) items!: PupilSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class PupilGroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['registration', 'year', 'teaching', 'house', 'other'] }) kind!: string;
}

class CharacteristicDto {
  @ApiProperty({ enum: ['pupil_premium', 'free_school_meals', 'sen', 'eal'] }) kind!: string;
  @ApiProperty({ example: 'yes', description: "'yes', or for SEN sen_support / ehc_plan" }) value!: string;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveTo!: string | null;
}

class PupilContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty() relationship!: string;
  @ApiProperty() parentalResponsibility!: boolean;
  @ApiProperty() priority!: number;
  @ApiProperty() livesWithPupil!: boolean;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [String], description: 'E.164' }) mobiles!: string[];
  @ApiProperty() usesParentApp!: boolean;
}

export class PupilDetailDto extends PupilSummaryDto {
  @ApiProperty({ type: String, nullable: true }) upn!: string | null;
  @ApiProperty() legalForename!: string;
  @ApiProperty() legalSurname!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'The pupil’s own school email' })
  email!: string | null;
  @ApiProperty({ type: [PupilGroupDto] }) groups!: PupilGroupDto[];
  @ApiProperty({ type: [CharacteristicDto] }) characteristics!: CharacteristicDto[];
  @ApiProperty({ type: [PupilContactDto] }) contacts!: PupilContactDto[];

  static fromDetail(p: PupilDetail): PupilDetailDto {
    return {
      ...PupilSummaryDto.from(p),
      upn: p.upn,
      legalForename: p.legalForename,
      legalSurname: p.legalSurname,
      dateOfBirth: p.dateOfBirth,
      email: p.email,
      groups: p.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
      characteristics: p.characteristics.map((c) => ({
        kind: c.kind,
        value: c.value,
        effectiveFrom: c.effectiveFrom,
        effectiveTo: c.effectiveTo,
      })),
      contacts: p.contacts.map((c) => ({ ...c, emails: [...c.emails], mobiles: [...c.mobiles] })),
    };
  }
}
