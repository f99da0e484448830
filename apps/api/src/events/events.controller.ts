import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  CancelEventUseCase,
  CreateEventUseCase,
  GetEventUseCase,
  ListEventsUseCase,
  PreviewEligibleUseCase,
  PublishEventUseCase,
  UpdateEventUseCase,
} from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { CreateEventRequest, EligibilityDto, ListEventsQuery } from './dto/event.request.dto';
import { EligiblePreviewDto, EventDto, EventPageDto } from './dto/event.response.dto';

@ApiTags('Events')
@Controller('api/v1/schools/:schoolId/events')
export class EventsController {
  constructor(
    private readonly create: CreateEventUseCase,
    private readonly update: UpdateEventUseCase,
    private readonly publish: PublishEventUseCase,
    private readonly cancel: CancelEventUseCase,
    private readonly list: ListEventsUseCase,
    private readonly get: GetEventUseCase,
    private readonly preview: PreviewEligibleUseCase,
  ) {}

  @Post()
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'createEvent',
    summary: 'Draft a trip or a club',
    description: 'Nobody is invited until it is published.',
  })
  @ApiCreatedResponse({ type: EventDto })
  @ApiProblems(400, 404)
  async createEvent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: CreateEventRequest,
  ): Promise<EventDto> {
    return EventDto.from(
      await this.create.execute({ actor, schoolId: schoolId as SchoolId, details: body.toDetails() }),
    );
  }

  @Get()
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'Events, newest first',
    description: 'Cursor paged; `status=published` for the events families can be messaged about.',
  })
  @ApiOkResponse({ type: EventPageDto })
  @ApiProblems(400, 404)
  async listEvents(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListEventsQuery,
  ): Promise<EventPageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      page: query.toPageRequest(),
      ...(query.status ? { status: query.status } : {}),
    });
    return { items: page.items.map(EventDto.from), nextCursor: page.nextCursor };
  }

  @Post('eligible-preview')
  @HttpCode(200)
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'previewEligible',
    summary: 'Who these eligibility rules pick today',
    description: 'For the create form; stores nothing.',
  })
  @ApiOkResponse({ type: EligiblePreviewDto })
  @ApiProblems(400, 404)
  async previewEligible(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: EligibilityDto,
  ): Promise<EligiblePreviewDto> {
    return EligiblePreviewDto.from(
      await this.preview.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId: null,
        rules: body.toRules(),
      }),
    );
  }

  @Get(':eventId')
  @RequirePermission('events:read')
  @ApiOperation({ operationId: 'getEvent', summary: 'One event', description: 'With places taken.' })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 404)
  async getEvent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<EventDto> {
    return EventDto.from(await this.get.execute({ actor, schoolId: schoolId as SchoolId, eventId }));
  }

  @Patch(':eventId')
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'updateEvent',
    summary: 'Change an event',
    description:
      'Replaces a draft’s details. Once published only the title, description and dates may change (409 otherwise); moving the dates asks families who gave consent to confirm it again.',
  })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 404, 409)
  async updateEvent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Body() body: CreateEventRequest,
  ): Promise<EventDto> {
    return EventDto.from(
      await this.update.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        changes: body.toDetails(),
      }),
    );
  }

  @Get(':eventId/eligible')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'listEligible',
    summary: 'Who the event’s rules pick today',
    description: 'Names, years and the count.',
  })
  @ApiOkResponse({ type: EligiblePreviewDto })
  @ApiProblems(400, 404)
  async listEligible(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<EligiblePreviewDto> {
    return EligiblePreviewDto.from(
      await this.preview.execute({ actor, schoolId: schoolId as SchoolId, eventId }),
    );
  }

  @Post(':eventId/publish')
  @HttpCode(200)
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'publishEvent',
    summary: 'Publish and invite',
    description: 'Invites each eligible child; their parents get a message through the hub.',
  })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 404, 409)
  async publishEvent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<EventDto> {
    return EventDto.from(await this.publish.execute({ actor, schoolId: schoolId as SchoolId, eventId }));
  }

  @Post(':eventId/cancel')
  @HttpCode(200)
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'cancelEvent',
    summary: 'Call an event off',
    description: 'It takes no more bookings.',
  })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 404, 409)
  async cancelEvent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<EventDto> {
    return EventDto.from(await this.cancel.execute({ actor, schoolId: schoolId as SchoolId, eventId }));
  }
}
