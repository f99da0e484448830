import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetCommunicationSettingsUseCase, UpdateCommunicationSettingsUseCase } from '@rowan/communications';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { CommunicationSettingsDto, CommunicationSettingsViewDto } from './dto/communication-settings.dto';

@ApiTags('Messages')
@Controller('api/v1/schools/:schoolId/communication-settings')
export class CommunicationSettingsController {
  constructor(
    private readonly get: GetCommunicationSettingsUseCase,
    private readonly update: UpdateCommunicationSettingsUseCase,
  ) {}

  @Get()
  @RequirePermission('messages:read')
  @ApiOperation({
    operationId: 'getCommunicationSettings',
    summary: 'The school’s sending rules',
    description:
      'Fallback delay, quiet hours, SMS budget, approval threshold and SMS price; defaults until set.',
  })
  @ApiOkResponse({ type: CommunicationSettingsViewDto })
  @ApiProblems(400, 404)
  async getCommunicationSettings(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<CommunicationSettingsViewDto> {
    return CommunicationSettingsViewDto.from(
      await this.get.execute({ actor, schoolId: schoolId as SchoolId }),
    );
  }

  @Put()
  @RequirePermission('messages:settings')
  @ApiOperation({
    operationId: 'updateCommunicationSettings',
    summary: 'Set the school’s sending rules',
    description: 'School and trust admins. Applies to messages sent from now on.',
  })
  @ApiOkResponse({ type: CommunicationSettingsViewDto })
  @ApiProblems(400, 404)
  async updateCommunicationSettings(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: CommunicationSettingsDto,
  ): Promise<CommunicationSettingsViewDto> {
    return CommunicationSettingsViewDto.from(
      await this.update.execute({ actor, schoolId: schoolId as SchoolId, settings: body.toSettings() }),
    );
  }
}
