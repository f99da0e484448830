import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { ListInboxUseCase, ReadInboxMessageUseCase } from '@rowan/communications';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { PageQuery } from '../http/page.query';
import { InboxMessageDto, InboxPageDto } from './dto/message.response.dto';

@ApiTags('Me')
@Controller('api/v1/me/messages')
export class InboxController {
  constructor(
    private readonly inbox: ListInboxUseCase,
    private readonly read: ReadInboxMessageUseCase,
  ) {}

  @Get()
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'listMyMessages',
    summary: 'My messages in the app',
    description: 'Newest first, from every school the signed-in parent belongs to.',
  })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiProblems(400)
  async listMyMessages(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<InboxPageDto> {
    const page = await this.inbox.execute({ actor, page: query.toPageRequest() });
    return { items: page.items.map(InboxMessageDto.from), nextCursor: page.nextCursor };
  }

  @Post(':messageId/read')
  @HttpCode(200)
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'readMyMessage',
    summary: 'Open one of my messages',
    description: 'Marks it read, so it does not fall back to email or SMS.',
  })
  @ApiOkResponse({ type: InboxMessageDto })
  @ApiProblems(400, 404)
  async readMyMessage(
    @CurrentActor() actor: Actor,
    @IdParam('messageId') messageId: string,
  ): Promise<InboxMessageDto> {
    return InboxMessageDto.from(await this.read.execute({ actor, deliveryId: messageId }));
  }
}
