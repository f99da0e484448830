import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES_ON_EVENTS, type EventStaffRole } from '@rowan/events';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';

export class AssignStaffRequest {
  @ApiProperty({ format: 'uuid', description: 'A member of staff from the directory' })
  @IsUUID()
  staffId!: string;

  @ApiProperty({ enum: STAFF_ROLES_ON_EVENTS })
  @IsIn(STAFF_ROLES_ON_EVENTS)
  role!: EventStaffRole;

  @ApiPropertyOptional({ format: 'date-time', description: 'One club session; left out for the whole event' })
  @IsOptional()
  @IsDateString()
  sessionAt?: string;
}

export class RegisterMarkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bookingId!: string;

  @ApiProperty()
  @IsBoolean()
  present!: boolean;
}

export class TakeRegisterRequest {
  @ApiPropertyOptional({ format: 'date-time', description: 'The club session; left out for a trip' })
  @IsOptional()
  @IsDateString()
  sessionAt?: string;

  @ApiProperty({ type: [RegisterMarkDto] })
  @ValidateNested({ each: true })
  @Type(() => RegisterMarkDto)
  @ArrayMaxSize(5000)
  marks!: RegisterMarkDto[];
}

export class RegisterQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'The club session; left out for a trip' })
  @IsOptional()
  @IsDateString()
  sessionAt?: string;
}
