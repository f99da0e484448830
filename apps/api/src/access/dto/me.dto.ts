import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS, ROLES, type MeView, type Permission, type Role } from '@rowan/access';

export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MyMembershipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: ['invited', 'active', 'revoked'] }) status!: 'invited' | 'active' | 'revoked';
  @ApiProperty({ type: NamedRefDto }) trust!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'null for a trust-wide role' })
  school!: NamedRefDto | null;
  @ApiProperty({
    enum: PERMISSIONS,
    isArray: true,
    description: 'What this role allows there (the API checks again)',
  })
  permissions!: Permission[];
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ description: 'Platform operator (creates trusts, sees queues)' }) operator!: boolean;
  @ApiProperty({ type: [MyMembershipDto] }) memberships!: MyMembershipDto[];

  static from(view: MeView): MeDto {
    return {
      id: view.id,
      email: view.email,
      givenName: view.givenName,
      familyName: view.familyName,
      operator: view.operator,
      memberships: view.memberships.map((m) => ({
        id: m.id,
        role: m.role,
        status: m.status,
        trust: { id: m.trust.id, name: m.trust.name },
        school: m.school ? { id: m.school.id, name: m.school.name } : null,
        permissions: [...m.permissions],
      })),
    };
  }
}
