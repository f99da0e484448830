import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { ListParticipantsUseCase, StaffBookPlaceUseCase, StaffCancelBookingUseCase } from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import { StaffBookPlaceRequest } from './dto/event.request.dto';
import { BookingDto, ParticipantPageDto } from './dto/event.response.dto';

@ApiTags('Events')
@Controller('api/v1/schools/:schoolId/events/:eventId/bookings')
export class EventBookingsController {
  constructor(
    private readonly participants: ListParticipantsUseCase,
    private readonly cancel: StaffCancelBookingUseCase,
    private readonly book: StaffBookPlaceUseCase,
  ) {}

  @Post()
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'bookEventPlace',
    summary: 'Book a place for a parent',
    description: 'For an invited pupil: confirmed while places last, else on the waiting list.',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiProblems(400, 404, 409)
  async bookEventPlace(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Body() body: StaffBookPlaceRequest,
  ): Promise<BookingDto> {
    return BookingDto.from(
      await this.book.execute({ actor, schoolId: schoolId as SchoolId, eventId, pupilId: body.pupilId }),
    );
  }

  @Get()
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'listEventBookings',
    summary: 'Participation',
    description: 'Every booking with the pupil’s name and state, oldest first; cursor paged.',
  })
  @ApiOkResponse({ type: ParticipantPageDto })
  @ApiProblems(400, 404)
  async listEventBookings(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Query() query: PageQuery,
  ): Promise<ParticipantPageDto> {
    return ParticipantPageDto.from(
      await this.participants.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        page: query.toPageRequest(),
      }),
    );
  }

  @Post(':bookingId/cancel')
  @HttpCode(200)
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'cancelEventBooking',
    summary: 'Cancel a booking for a parent',
    description: 'A place it held is offered to the waiting list.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems(400, 404, 409)
  async cancelEventBooking(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @IdParam('bookingId') bookingId: string,
  ): Promise<BookingDto> {
    return BookingDto.from(
      await this.cancel.execute({ actor, schoolId: schoolId as SchoolId, eventId, bookingId }),
    );
  }
}
