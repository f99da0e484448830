import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_KINDS, type GroupKind, type GroupSummary } from '@rowan/directory';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../http/page.query';

export class ListGroupsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: GROUP_KINDS,
    description: 'registration (classes), year, teaching (sets), house or other',
  })
  @IsOptional()
  @IsIn(GROUP_KINDS)
  kind?: GroupKind;

  @ApiPropertyOptional({ description: 'Any part of the name or code', example: 'Set 1' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '5C' }) name!: string;
  @ApiProperty({ enum: GROUP_KINDS }) kind!: GroupKind;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ description: 'Pupils on roll in the group' }) members!: number;

  static from(g: GroupSummary): GroupDto {
    return { id: g.id, name: g.name, kind: g.kind, code: g.code, members: g.members };
  }
}

export class GroupPageDto {
  @ApiProperty({ type: [GroupDto] }) items!: GroupDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
