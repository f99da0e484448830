import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GiveConsentUseCase } from '@rowan/events';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import { ConsentAnswersRequest } from './dto/consent.request.dto';
import { BookingConsentDto } from './dto/consent.response.dto';

@ApiTags('Me')
@Controller('api/v1/me/bookings/:bookingId/consent')
export class MyConsentController {
  constructor(private readonly give: GiveConsentUseCase) {}

  @Put()
  @RateLimit('booking')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'giveConsent',
    summary: 'Give (or confirm again) consent for my child’s booking',
    description: 'Answers to the event’s consent form; required questions must be answered.',
  })
  @ApiOkResponse({ type: BookingConsentDto })
  @ApiProblems(400, 404, 409)
  async giveConsent(
    @CurrentActor() actor: Actor,
    @IdParam('bookingId') bookingId: string,
    @Body() body: ConsentAnswersRequest,
  ): Promise<BookingConsentDto> {
    return BookingConsentDto.from(await this.give.execute({ actor, bookingId, answers: body.toAnswers() }));
  }
}
