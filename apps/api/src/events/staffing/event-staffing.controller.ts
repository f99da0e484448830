import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  AssignStaffUseCase,
  GetParticipationUseCase,
  GetRegisterUseCase,
  ListEventStaffUseCase,
  StaffScheduleUseCase,
  TakeRegisterUseCase,
} from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../../auth/decorators';
import { ApiProblems } from '../../http/api-errors.decorator';
import { IdParam } from '../../http/id.param';
import { AssignStaffRequest, RegisterQuery, TakeRegisterRequest } from './staffing.request.dto';
import { AssignStaffResultDto, ParticipationDto, RegisterDto, ScheduleDto } from './staffing.response.dto';

const at = (iso: string | undefined) => (iso ? new Date(iso) : null);

@ApiTags('Events')
@Controller('api/v1/schools/:schoolId')
export class EventStaffingController {
  constructor(
    private readonly assign: AssignStaffUseCase,
    private readonly eventStaff: ListEventStaffUseCase,
    private readonly schedule: StaffScheduleUseCase,
    private readonly takeRegister: TakeRegisterUseCase,
    private readonly register: GetRegisterUseCase,
    private readonly participation: GetParticipationUseCase,
  ) {}

  @Post('events/:eventId/staff')
  @HttpCode(200)
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'assignEventStaff',
    summary: 'Assign a member of staff',
    description:
      'To the event or one club session, as lead or helper; overlapping assignments come back as clashes.',
  })
  @ApiOkResponse({ type: AssignStaffResultDto })
  @ApiProblems(400, 404, 409)
  async assignEventStaff(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Body() body: AssignStaffRequest,
  ): Promise<AssignStaffResultDto> {
    return AssignStaffResultDto.from(
      await this.assign.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        staffId: body.staffId,
        role: body.role,
        sessionAt: at(body.sessionAt),
      }),
    );
  }

  @Get('events/:eventId/staff')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'listEventStaff',
    summary: 'Staff on the event',
    description: 'Each assignment with the other events whose times overlap it.',
  })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiProblems(400, 404)
  async listEventStaff(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<ScheduleDto> {
    return ScheduleDto.from(
      await this.eventStaff.execute({ actor, schoolId: schoolId as SchoolId, eventId }),
    );
  }

  @Get('staff/:staffId/schedule')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getStaffSchedule',
    summary: 'A member of staff’s schedule',
    description: 'Their assignments to events that are not cancelled, soonest first, with clashes.',
  })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiProblems(400, 404)
  async getStaffSchedule(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('staffId') staffId: string,
  ): Promise<ScheduleDto> {
    return ScheduleDto.from(await this.schedule.execute({ actor, schoolId: schoolId as SchoolId, staffId }));
  }

  @Put('events/:eventId/register')
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'takeEventRegister',
    summary: 'Mark the register',
    description: 'Present or absent per confirmed booking; `sessionAt` names a club’s session.',
  })
  @ApiOkResponse({ type: RegisterDto })
  @ApiProblems(400, 404, 409)
  async takeEventRegister(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Body() body: TakeRegisterRequest,
  ): Promise<RegisterDto> {
    return RegisterDto.from(
      await this.takeRegister.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        sessionAt: at(body.sessionAt),
        marks: body.marks,
      }),
    );
  }

  @Get('events/:eventId/register')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getEventRegister',
    summary: 'A register',
    description: 'Every confirmed booking with its mark, who made it and when; `sessionAt` for a club.',
  })
  @ApiOkResponse({ type: RegisterDto })
  @ApiProblems(400, 404)
  async getEventRegister(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: RegisterQuery,
  ): Promise<RegisterDto> {
    return RegisterDto.from(
      await this.register.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        sessionAt: at(query.sessionAt),
      }),
    );
  }

  @Get('events/:eventId/participation')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getEventParticipation',
    summary: 'Participation',
    description: 'Booked, attended and the attendance rate, by session for a club.',
  })
  @ApiOkResponse({ type: ParticipationDto })
  @ApiProblems(400, 404)
  async getEventParticipation(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<ParticipationDto> {
    return ParticipationDto.from(
      await this.participation.execute({ actor, schoolId: schoolId as SchoolId, eventId }),
    );
  }
}
