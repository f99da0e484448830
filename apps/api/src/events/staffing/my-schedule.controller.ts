import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { MyScheduleUseCase } from '@rowan/events';
import { CurrentActor, RequirePermission } from '../../auth/decorators';
import { ApiProblems } from '../../http/api-errors.decorator';
import { ScheduleDto } from './staffing.response.dto';

@ApiTags('Me')
@Controller('api/v1/me/schedule')
export class MyScheduleController {
  constructor(private readonly schedule: MyScheduleUseCase) {}

  @Get()
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'getMySchedule',
    summary: 'My schedule',
    description: 'The events and sessions the signed-in member of staff is assigned to (by their email).',
  })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiProblems()
  async getMySchedule(@CurrentActor() actor: Actor): Promise<ScheduleDto> {
    return ScheduleDto.from(await this.schedule.execute({ actor }));
  }
}
