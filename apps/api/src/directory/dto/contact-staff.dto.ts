import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContactDetail, StaffSummary } from '@rowan/directory';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { PupilSummaryDto } from './pupil.dto';

export class ContactChildDto extends PupilSummaryDto {
  @ApiProperty({ example: 'Mother' }) relationship!: string;
  @ApiProperty() parentalResponsibility!: boolean;
  @ApiProperty() priority!: number;
  @ApiProperty() livesWithPupil!: boolean;
}

export class ContactDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [String], description: 'E.164' }) mobiles!: string[];
  @ApiProperty() usesParentApp!: boolean;
  @ApiProperty({ description: 'Invited to the parent app' }) invited!: boolean;
  @ApiProperty({ type: [ContactChildDto] }) children!: ContactChildDto[];

  static from(c: ContactDetail): ContactDetailDto {
    return {
      id: c.id,
      title: c.title,
      forename: c.forename,
      surname: c.surname,
      emails: [...c.emails],
      mobiles: [...c.mobiles],
      usesParentApp: c.usesParentApp,
      invited: c.invited,
      children: c.children.map((p) => ({
        ...PupilSummaryDto.from(p),
        relationship: p.relationship,
        parentalResponsibility: p.parentalResponsibility,
        priority: p.priority,
        livesWithPupil: p.livesWithPupil,
      })),
    };
  }
}

export class ListStaffQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Start of a forename, surname or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ type: String, nullable: true }) jobTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) email!: string | null;

  static from(s: StaffSummary): StaffMemberDto {
    return {
      id: s.id,
      title: s.title,
      forename: s.forename,
      surname: s.surname,
      jobTitle: s.jobTitle,
      email: s.email,
    };
  }
}

export class StaffPageDto {
  @ApiProperty({ type: [StaffMemberDto] }) items!: StaffMemberDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
