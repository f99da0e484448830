import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetMeUseCase, type Actor } from '@rowan/access';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { MeDto } from './dto/me.dto';

@ApiTags('Me')
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly getMe: GetMeUseCase) {}

  @Get()
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'getMe',
    summary: 'Who am I: profile and memberships',
    description: 'The signed-in person and every school or trust they belong to.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems()
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return MeDto.from(await this.getMe.execute(actor));
  }
}
