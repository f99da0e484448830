import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetSchoolUseCase } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { SchoolDto } from './dto/directory.dto';

@ApiTags('Schools')
@Controller('api/v1/schools')
export class SchoolsController {
  constructor(private readonly getSchoolUseCase: GetSchoolUseCase) {}

  @Get(':schoolId')
  @RequirePermission('schools:read')
  @ApiOperation({
    operationId: 'getSchool',
    summary: 'Get a school',
    description: 'A school you belong to, or one in your trust.',
  })
  @ApiOkResponse({ type: SchoolDto })
  @ApiProblems(400, 404)
  async getSchool(@CurrentActor() actor: Actor, @IdParam('schoolId') schoolId: string): Promise<SchoolDto> {
    return SchoolDto.from(await this.getSchoolUseCase.execute({ actor, schoolId: schoolId as SchoolId }));
  }
}
