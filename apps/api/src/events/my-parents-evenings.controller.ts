import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  BookForMeUseCase,
  CancelMyAppointmentUseCase,
  ConfirmEveningSlotsUseCase,
  GetMyParentsEveningUseCase,
  HoldEveningSlotUseCase,
} from '@rowan/events';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { IdParam } from '../http/id.param';
import { BookForMeRequest, HoldSlotRequest } from './dto/parents-evening.request.dto';
import {
  AppointmentDto,
  AppointmentListDto,
  BookForMeDto,
  MyParentsEveningDto,
} from './dto/parents-evening.response.dto';

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Up to 100 characters, unique per request: a retry with the same key and body gets the first answer again; the same key with a different request is a 409',
};

@ApiTags('Me')
@Controller('api/v1/me/parents-evenings/:eventId')
export class MyParentsEveningsController {
  constructor(
    private readonly get: GetMyParentsEveningUseCase,
    private readonly hold: HoldEveningSlotUseCase,
    private readonly confirm: ConfirmEveningSlotsUseCase,
    private readonly bookForMe: BookForMeUseCase,
    private readonly cancel: CancelMyAppointmentUseCase,
  ) {}

  @Get()
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'getMyParentsEvening',
    summary: 'A parents’ evening for my children',
    description:
      'Each invited child’s teachers, the free slots, what I hold or booked, and what another parent or carer booked for the family.',
  })
  @ApiOkResponse({ type: MyParentsEveningDto })
  @ApiProblems(400, 404)
  async getMyParentsEvening(
    @CurrentActor() actor: Actor,
    @IdParam('eventId') eventId: string,
  ): Promise<MyParentsEveningDto> {
    return MyParentsEveningDto.from(await this.get.execute({ actor, eventId }));
  }

  @Post('holds')
  @RateLimit('booking')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'holdEveningSlot',
    summary: 'Hold a slot with my child’s teacher',
    description:
      'Held for ten minutes while I choose, then released by the worker: one slot per teacher per child, none overlapping another I hold.',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiProblems(400, 404, 409)
  async holdEveningSlot(
    @CurrentActor() actor: Actor,
    @IdParam('eventId') eventId: string,
    @Body() body: HoldSlotRequest,
    @Req() request: FastifyRequest,
  ): Promise<AppointmentDto> {
    return AppointmentDto.from(
      await this.hold.execute({
        actor,
        eventId,
        pupilId: body.pupilId,
        slotId: body.slotId,
        idempotencyKey: idempotencyKeyOf(request),
      }),
    );
  }

  @Post('confirm')
  @RateLimit('booking')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'confirmEveningSlots',
    summary: 'Confirm the slots I hold',
    description: 'Every live hold becomes a booking.',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: AppointmentListDto })
  @ApiProblems(400, 404, 409)
  async confirmEveningSlots(
    @CurrentActor() actor: Actor,
    @IdParam('eventId') eventId: string,
    @Req() request: FastifyRequest,
  ): Promise<AppointmentListDto> {
    const confirmed = await this.confirm.execute({
      actor,
      eventId,
      idempotencyKey: idempotencyKeyOf(request),
    });
    return { items: confirmed.map(AppointmentDto.from) };
  }

  @Post('book-for-me')
  @RateLimit('booking')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'bookParentsEveningForMe',
    summary: 'Book for me',
    description:
      'The earliest clash-free slots with every teacher of my invited children inside my window, with the gap I ask for; all or nothing. Answers the teachers who could not be fitted.',
  })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: BookForMeDto })
  @ApiProblems(400, 404, 409)
  async bookParentsEveningForMe(
    @CurrentActor() actor: Actor,
    @IdParam('eventId') eventId: string,
    @Body() body: BookForMeRequest,
    @Req() request: FastifyRequest,
  ): Promise<BookForMeDto> {
    return BookForMeDto.from(
      await this.bookForMe.execute({
        actor,
        eventId,
        window: body.toRange(),
        gapMinutes: body.gapMinutes,
        idempotencyKey: idempotencyKeyOf(request),
      }),
    );
  }

  @Post('appointments/:appointmentId/cancel')
  @RateLimit('booking')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'cancelMyEveningAppointment',
    summary: 'Cancel an appointment I made',
    description:
      'A booked or held slot I made for my child, until the booking cut-off and before it begins; the slot is free again at once.',
  })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblems(400, 404, 409)
  async cancelMyEveningAppointment(
    @CurrentActor() actor: Actor,
    @IdParam('eventId') eventId: string,
    @IdParam('appointmentId') appointmentId: string,
  ): Promise<AppointmentDto> {
    return AppointmentDto.from(await this.cancel.execute({ actor, eventId, appointmentId }));
  }
}
