import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  AcceptOfferUseCase,
  BookPlaceUseCase,
  CancelMyBookingUseCase,
  ListMyInvitationsUseCase,
} from '@rowan/events';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { IdParam } from '../http/id.param';
import { BookPlaceRequest } from './dto/event.request.dto';
import { BookingDto, ChildInvitationsDto, MyInvitationsDto } from './dto/event.response.dto';

@ApiTags('Me')
@Controller('api/v1/me')
export class MyEventsController {
  constructor(
    private readonly invitations: ListMyInvitationsUseCase,
    private readonly book: BookPlaceUseCase,
    private readonly cancel: CancelMyBookingUseCase,
    private readonly accept: AcceptOfferUseCase,
  ) {}

  @Get('invitations')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'listMyInvitations',
    summary: 'My children’s invitations',
    description: 'Each child with the events they are invited to and their booking.',
  })
  @ApiOkResponse({ type: MyInvitationsDto })
  @ApiProblems(400)
  async listMyInvitations(@CurrentActor() actor: Actor): Promise<MyInvitationsDto> {
    return {
      items: (await this.invitations.execute({ actor })).map(ChildInvitationsDto.from),
      nextCursor: null,
    };
  }

  @Post('bookings')
  @RateLimit('booking')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'bookPlace',
    summary: 'Book a place for my child',
    description:
      'Confirmed while places last, else on the waiting list. Send an Idempotency-Key to make a retried request return the same booking (409 for a different body).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 100 characters, unique per booking',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiProblems(400, 404, 409)
  async bookPlace(
    @CurrentActor() actor: Actor,
    @Body() body: BookPlaceRequest,
    @Req() request: FastifyRequest,
  ): Promise<BookingDto> {
    return BookingDto.from(
      await this.book.execute({
        actor,
        eventId: body.eventId,
        pupilId: body.pupilId,
        idempotencyKey: idempotencyKeyOf(request),
        consent: body.consent?.toAnswers() ?? null,
      }),
    );
  }

  @Post('bookings/:bookingId/cancel')
  @RateLimit('booking')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'cancelMyBooking',
    summary: 'Cancel my child’s booking',
    description: 'Until the cut-off; the place is offered to the waiting list.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems(400, 404, 409)
  async cancelMyBooking(
    @CurrentActor() actor: Actor,
    @IdParam('bookingId') bookingId: string,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.cancel.execute({ actor, bookingId }));
  }

  @Post('bookings/:bookingId/accept')
  @RateLimit('booking')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'acceptOffer',
    summary: 'Accept an offered place',
    description: 'Before the offer expires.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiProblems(400, 404, 409)
  async acceptOffer(
    @CurrentActor() actor: Actor,
    @IdParam('bookingId') bookingId: string,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.accept.execute({ actor, bookingId }));
  }
}
