import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVITABLE_STAFF_ROLES, ROLES, type MembershipView, type Role } from '@rowan/access';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../../http/page.query';

const STATUSES = ['invited', 'active', 'revoked'] as const;

export class MemberUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
  @ApiProperty({ type: MemberUserDto }) user!: MemberUserDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(view: MembershipView): MembershipDto {
    return {
      id: view.id,
      role: view.role,
      status: view.status,
      user: {
        id: view.user.id,
        email: view.user.email,
        givenName: view.user.givenName,
        familyName: view.user.familyName,
      },
      createdAt: view.createdAt.toISOString(),
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}

export class MembershipPageDto {
  @ApiProperty({ type: [MembershipDto] }) items!: MembershipDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class PersonRequest {
  @ApiProperty({ example: 'sam.jones@school.example', format: 'email' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Sam' })
  @IsString()
  @Length(1, 100)
  givenName!: string;

  @ApiProperty({ example: 'Jones' })
  @IsString()
  @Length(1, 100)
  familyName!: string;
}

export class InviteStaffRequest extends PersonRequest {
  @ApiProperty({ enum: INVITABLE_STAFF_ROLES })
  @IsIn(INVITABLE_STAFF_ROLES, { message: `must be one of ${INVITABLE_STAFF_ROLES.join(', ')}` })
  role!: (typeof INVITABLE_STAFF_ROLES)[number];
}

export class InviteTrustAdminRequest extends PersonRequest {}

export class ChangeRoleRequest {
  @ApiProperty({ enum: INVITABLE_STAFF_ROLES })
  @IsIn(INVITABLE_STAFF_ROLES, { message: `must be one of ${INVITABLE_STAFF_ROLES.join(', ')}` })
  role!: (typeof INVITABLE_STAFF_ROLES)[number];
}

export class ListMembershipsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}
