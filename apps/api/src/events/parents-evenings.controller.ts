import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  GetParentsEveningUseCase,
  ListEveningAppointmentsUseCase,
  SetUpParentsEveningUseCase,
  StaffCancelAppointmentUseCase,
} from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { EligibilityDto } from './dto/event.request.dto';
import { EventDto } from './dto/event.response.dto';
import { AppointmentsQuery, CreateParentsEveningRequest } from './dto/parents-evening.request.dto';
import {
  AppointmentDto,
  ParentsEveningDto,
  TeacherAppointmentListDto,
} from './dto/parents-evening.response.dto';

@ApiTags('Events')
@Controller('api/v1/schools/:schoolId/parents-evenings')
export class ParentsEveningsController {
  constructor(
    private readonly setUp: SetUpParentsEveningUseCase,
    private readonly get: GetParentsEveningUseCase,
    private readonly appointments: ListEveningAppointmentsUseCase,
    private readonly cancel: StaffCancelAppointmentUseCase,
  ) {}

  @Post()
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'createParentsEvening',
    summary: 'Set up a parents’ evening',
    description:
      'A draft event of kind parents_evening with its teachers, their windows and breaks; slots are generated from them. Publish it as any event.',
  })
  @ApiCreatedResponse({ type: EventDto })
  @ApiProblems(400, 404)
  async createParentsEvening(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: CreateParentsEveningRequest,
  ): Promise<EventDto> {
    return EventDto.from(
      await this.setUp.execute({
        actor,
        schoolId: schoolId as SchoolId,
        title: body.title,
        description: body.description ?? '',
        bookingCutoff: body.bookingCutoff ? new Date(body.bookingCutoff) : null,
        eligibility: (body.eligibility ?? new EligibilityDto()).toRules(),
        setup: body.toSetup(),
      }),
    );
  }

  @Get(':eventId')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getParentsEvening',
    summary: 'A parents’ evening and its slot grid',
    description: 'Teachers, windows and breaks, and every slot with who holds or booked it.',
  })
  @ApiOkResponse({ type: ParentsEveningDto })
  @ApiProblems(400, 404)
  async getParentsEvening(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<ParentsEveningDto> {
    return ParentsEveningDto.from(await this.get.execute({ actor, schoolId: schoolId as SchoolId, eventId }));
  }

  @Get(':eventId/appointments')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'listEveningAppointments',
    summary: 'Appointments at a parents’ evening',
    description: 'A teacher’s list (staffId) or everyone’s, in time order, with pupils’ names.',
  })
  @ApiOkResponse({ type: TeacherAppointmentListDto })
  @ApiProblems(400, 404)
  async listEveningAppointments(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: AppointmentsQuery,
  ): Promise<TeacherAppointmentListDto> {
    return TeacherAppointmentListDto.from(
      await this.appointments.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        staffId: query.staffId ?? null,
      }),
    );
  }

  @Post(':eventId/appointments/:appointmentId/cancel')
  @HttpCode(200)
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'cancelEveningAppointment',
    summary: 'Cancel an appointment for a parent',
    description:
      'A booked or held slot, whoever made it, at any time; the slot is free again and leaves the teacher’s list.',
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblems(400, 404, 409)
  async cancelEveningAppointment(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @IdParam('appointmentId') appointmentId: string,
  ): Promise<AppointmentDto> {
    return AppointmentDto.from(
      await this.cancel.execute({ actor, schoolId: schoolId as SchoolId, eventId, appointmentId }),
    );
  }
}
