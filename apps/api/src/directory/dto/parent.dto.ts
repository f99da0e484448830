import { ApiProperty } from '@nestjs/swagger';
import type { MyChild, ParentInvitationView } from '@rowan/directory';

export class ParentInvitationDto {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'email', description: 'Where the set-password email went' }) email!: string;
  @ApiProperty({ description: 'The contact already had a current parent account here' })
  alreadyInvited!: boolean;

  static from(v: ParentInvitationView): ParentInvitationDto {
    return { contactId: v.contactId, userId: v.userId, email: v.email, alreadyInvited: v.alreadyInvited };
  }
}

class ChildSchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MyChildDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() preferredForename!: string;
  @ApiProperty() preferredSurname!: string;
  @ApiProperty({ type: String, nullable: true }) yearGroup!: string | null;
  @ApiProperty({ type: String, nullable: true }) registrationGroup!: string | null;
  @ApiProperty({ example: 'Mother' }) relationship!: string;
  @ApiProperty({ type: ChildSchoolDto }) school!: ChildSchoolDto;

  static from(c: MyChild): MyChildDto {
    return {
      id: c.id,
      preferredForename: c.preferredForename,
      preferredSurname: c.preferredSurname,
      yearGroup: c.yearGroup,
      registrationGroup: c.registrationGroup,
      relationship: c.relationship,
      school: { id: c.schoolId, name: c.schoolName },
    };
  }
}

export class MyChildrenDto {
  @ApiProperty({ type: [MyChildDto] }) items!: MyChildDto[];
}
