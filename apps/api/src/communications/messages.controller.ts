import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  ApproveMessageUseCase,
  CancelMessageUseCase,
  EstimateMessageUseCase,
  GetMessageUseCase,
  ListMessagesUseCase,
  ListDeliveriesUseCase,
  ListUnreachedUseCase,
  SendMessageUseCase,
  UpdateMessageUseCase,
} from '@rowan/communications';
import { ValidationFailed, type SchoolId } from '@rowan/kernel';
import type { FastifyRequest } from 'fastify';
import sanitizeHtml from 'sanitize-html';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import { EstimateMessageRequest, SendMessageRequest } from './dto/message.request.dto';
import {
  DeliveryDto,
  DeliveryPageDto,
  MessageDto,
  MessageEstimateDto,
  MessagePageDto,
  MessageProgressDto,
  UnreachedDto,
  UnreachedPageDto,
} from './dto/message.response.dto';

/** Email HTML from the composer: formatting and links only. */
const sanitise = (html: string): string =>
  sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'],
    allowedSchemes: ['https', 'mailto', 'tel'],
  });

@ApiTags('Messages')
@Controller('api/v1/schools/:schoolId/messages')
export class MessagesController {
  constructor(
    private readonly estimate: EstimateMessageUseCase,
    private readonly send: SendMessageUseCase,
    private readonly update: UpdateMessageUseCase,
    private readonly cancel: CancelMessageUseCase,
    private readonly approve: ApproveMessageUseCase,
    private readonly list: ListMessagesUseCase,
    private readonly get: GetMessageUseCase,
    private readonly unreached: ListUnreachedUseCase,
    private readonly deliveriesOf: ListDeliveriesUseCase,
  ) {}

  @Post('estimate')
  @HttpCode(200)
  @RequirePermission('messages:send')
  @ApiOperation({
    operationId: 'estimateMessage',
    summary: 'Count an audience and cost a message before sending',
    description:
      'Recipients (one per family), how each would be reached first, and the SMS segments and cost.',
  })
  @ApiOkResponse({ type: MessageEstimateDto })
  @ApiProblems(400, 404)
  async estimateMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: EstimateMessageRequest,
  ): Promise<MessageEstimateDto> {
    return MessageEstimateDto.from(
      await this.estimate.execute({
        actor,
        schoolId: schoolId as SchoolId,
        audience: body.audience.toSpec(),
        content: body.content.toContent(sanitise),
        policy: body.policy,
      }),
    );
  }

  @Post()
  @RequirePermission('messages:send')
  @ApiOperation({
    operationId: 'sendMessage',
    summary: 'Send, schedule or save a message',
    description:
      'Recorded and queued; the worker resolves the audience and delivers. Above the school’s size threshold a ' +
      'senior role must approve it first; over the SMS budget it is held, saying why. Send an Idempotency-Key ' +
      'to make a retried request return the same message.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 100 characters, unique per send',
  })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiProblems(400, 404)
  async sendMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: SendMessageRequest,
    @Req() request: FastifyRequest,
  ): Promise<MessageDto> {
    const header = request.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(header) ? header[0] : header;
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,100}$/.test(idempotencyKey)) {
      throw new ValidationFailed('The Idempotency-Key header is not valid', [
        { field: 'Idempotency-Key', message: 'must be 1 to 100 visible ASCII characters' },
      ]);
    }
    return MessageDto.from(
      await this.send.execute({
        actor,
        schoolId: schoolId as SchoolId,
        audience: body.audience.toSpec(),
        content: body.content.toContent(sanitise),
        policy: body.policy,
        scheduledFor: body.scheduledFor ? new Date(body.scheduledFor) : null,
        draft: body.draft ?? false,
        idempotencyKey: idempotencyKey ?? null,
      }),
    );
  }

  @Get()
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'listMessages',
    summary: 'Messages, newest first',
    description: 'Cursor paged.',
  })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiProblems(400, 404)
  async listMessages(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: PageQuery,
  ): Promise<MessagePageDto> {
    const page = await this.list.execute({
      actor,
      schoolId: schoolId as SchoolId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(MessageDto.from), nextCursor: page.nextCursor };
  }

  @Get(':messageId')
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'getMessage',
    summary: 'A message and its delivery progress',
    description: 'Deliveries counted by channel and state, live.',
  })
  @ApiOkResponse({ type: MessageProgressDto })
  @ApiProblems(400, 404)
  async getMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
  ): Promise<MessageProgressDto> {
    return MessageProgressDto.fromProgress(
      await this.get.execute({ actor, schoolId: schoolId as SchoolId, messageId }),
    );
  }

  @Get(':messageId/unreached')
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'listUnreached',
    summary: 'Recipients not reached, and why',
    description: 'No usable contact, bounced, opted out or failed: for the office to act on.',
  })
  @ApiOkResponse({ type: UnreachedPageDto })
  @ApiProblems(400, 404)
  async listUnreached(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
    @Query() query: PageQuery,
  ): Promise<UnreachedPageDto> {
    const page = await this.unreached.execute({
      actor,
      schoolId: schoolId as SchoolId,
      messageId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(UnreachedDto.from), nextCursor: page.nextCursor };
  }

  @Get(':messageId/deliveries')
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'listDeliveries',
    summary: 'Every delivery of a message',
    description:
      'One per recipient and channel, with state, provider reference, error and times. Cursor paged.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiProblems(400, 404)
  async listDeliveries(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
    @Query() query: PageQuery,
  ): Promise<DeliveryPageDto> {
    const page = await this.deliveriesOf.execute({
      actor,
      schoolId: schoolId as SchoolId,
      messageId,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(DeliveryDto.from), nextCursor: page.nextCursor };
  }

  @Patch(':messageId')
  @RequirePermission('messages:send')
  @ApiOperation({
    operationId: 'updateMessage',
    summary: 'Edit a draft or scheduled message',
    description:
      'The whole message as for sending (audience, content, routing, schedule, draft), replacing what it was. ' +
      'Only while it is a draft or scheduled: 409 (COMMUNICATIONS.NOT_EDITABLE) once it is sending, sent, ' +
      'awaiting approval, held or cancelled. Without a schedule (and not a draft) it goes now.',
  })
  @ApiOkResponse({ type: MessageDto })
  @ApiProblems(400, 404, 409)
  async updateMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
    @Body() body: SendMessageRequest,
  ): Promise<MessageDto> {
    return MessageDto.from(
      await this.update.execute({
        actor,
        schoolId: schoolId as SchoolId,
        messageId,
        audience: body.audience.toSpec(),
        content: body.content.toContent(sanitise),
        policy: body.policy,
        scheduledFor: body.scheduledFor ? new Date(body.scheduledFor) : null,
        draft: body.draft ?? false,
      }),
    );
  }

  @Post(':messageId/cancel')
  @HttpCode(200)
  @RequirePermission('messages:send')
  @ApiOperation({
    operationId: 'cancelMessage',
    summary: 'Cancel a message that has not gone',
    description: 'Drafts, messages awaiting approval, scheduled and held ones; 409 once it is sending.',
  })
  @ApiOkResponse({ type: MessageDto })
  @ApiProblems(400, 404, 409)
  async cancelMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
  ): Promise<MessageDto> {
    return MessageDto.from(await this.cancel.execute({ actor, schoolId: schoolId as SchoolId, messageId }));
  }

  @Post(':messageId/approve')
  @HttpCode(200)
  @RequirePermission('messages:approve')
  @ApiOperation({
    operationId: 'approveMessage',
    summary: 'Approve a message held for approval',
    description:
      'Messages above the school’s size threshold wait for a school or trust admin; 409 otherwise.',
  })
  @ApiOkResponse({ type: MessageDto })
  @ApiProblems(400, 404, 409)
  async approveMessage(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('messageId') messageId: string,
  ): Promise<MessageDto> {
    return MessageDto.from(await this.approve.execute({ actor, schoolId: schoolId as SchoolId, messageId }));
  }
}
