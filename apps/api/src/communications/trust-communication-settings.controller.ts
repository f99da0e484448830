import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  GetTrustCommunicationSettingsUseCase,
  UpdateTrustCommunicationSettingsUseCase,
} from '@rowan/communications';
import type { TrustId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import {
  TrustCommunicationSettingsDto,
  TrustCommunicationSettingsViewDto,
} from './dto/trust-communication-settings.dto';

@ApiTags('Messages')
@Controller('api/v1/trusts/:trustId/communication-settings')
export class TrustCommunicationSettingsController {
  constructor(
    private readonly get: GetTrustCommunicationSettingsUseCase,
    private readonly update: UpdateTrustCommunicationSettingsUseCase,
  ) {}

  @Get()
  @RequirePermission('trust_messages:read')
  @ApiOperation({
    operationId: 'getTrustCommunicationSettings',
    summary: 'The trust’s monthly SMS budget and this month’s spend',
    description: 'Trust admins. Spend is this UK calendar month’s, school by school.',
  })
  @ApiOkResponse({ type: TrustCommunicationSettingsViewDto })
  @ApiProblems(400, 404)
  async getTrustCommunicationSettings(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
  ): Promise<TrustCommunicationSettingsViewDto> {
    return TrustCommunicationSettingsViewDto.from(
      await this.get.execute({ actor, trustId: trustId as TrustId }),
    );
  }

  @Put()
  @RequirePermission('trust_messages:settings')
  @ApiOperation({
    operationId: 'updateTrustCommunicationSettings',
    summary: 'Set the trust’s monthly SMS budget',
    description:
      'Trust admins. A message whose texts would take the trust’s spend this month past it is held, saying why.',
  })
  @ApiOkResponse({ type: TrustCommunicationSettingsViewDto })
  @ApiProblems(400, 404)
  async updateTrustCommunicationSettings(
    @CurrentActor() actor: Actor,
    @IdParam('trustId') trustId: string,
    @Body() body: TrustCommunicationSettingsDto,
  ): Promise<TrustCommunicationSettingsViewDto> {
    return TrustCommunicationSettingsViewDto.from(
      await this.update.execute({
        actor,
        trustId: trustId as TrustId,
        smsBudgetPence: body.smsBudgetPence,
      }),
    );
  }
}
