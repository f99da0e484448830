import { ApiProperty } from '@nestjs/swagger';
import type { SchoolView, TrustView } from '@rowan/directory';
import { IsString, Length, Matches } from 'class-validator';

export class TrustDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Oakfield Learning Trust' }) name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(view: TrustView): TrustDto {
    return { id: view.id, name: view.name, createdAt: view.createdAt.toISOString() };
  }
}

export class TrustPageDto {
  @ApiProperty({ type: [TrustDto] }) items!: TrustDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateTrustRequest {
  @ApiProperty({ example: 'Oakfield Learning Trust' })
  @IsString()
  @Length(2, 200)
  name!: string;
}

export class SchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trustId!: string;
  @ApiProperty({ example: 'Oakfield Primary School' }) name!: string;
  @ApiProperty({ example: '100000', description: 'DfE unique reference number' }) urn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(view: SchoolView): SchoolDto {
    return {
      id: view.id,
      trustId: view.trustId,
      name: view.name,
      urn: view.urn,
      createdAt: view.createdAt.toISOString(),
    };
  }
}

export class SchoolPageDto {
  @ApiProperty({ type: [SchoolDto] }) items!: SchoolDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CreateSchoolRequest {
  @ApiProperty({ example: 'Oakfield Primary School' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: '100000', description: 'DfE unique reference number: six digits' })
  @Matches(/^\d{6}$/, { message: 'must be six digits' })
  urn!: string;
}
