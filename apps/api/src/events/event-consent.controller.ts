import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetBookingConsentUseCase, GetConsentFormUseCase, SaveConsentFormUseCase } from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { SaveConsentFormRequest } from './dto/consent.request.dto';
import { BookingConsentDto, ConsentFormDto } from './dto/consent.response.dto';

@ApiTags('Events')
@Controller('api/v1/schools/:schoolId/events/:eventId')
export class EventConsentController {
  constructor(
    private readonly save: SaveConsentFormUseCase,
    private readonly form: GetConsentFormUseCase,
    private readonly answers: GetBookingConsentUseCase,
  ) {}

  @Get('consent-form')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getConsentForm',
    summary: 'The event’s consent form',
    description: 'Its questions in order; none when it asks no consent.',
  })
  @ApiOkResponse({ type: ConsentFormDto })
  @ApiProblems(400, 404)
  async getConsentForm(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<ConsentFormDto> {
    return ConsentFormDto.from(await this.form.execute({ actor, schoolId: schoolId as SchoolId, eventId }));
  }

  @Put('consent-form')
  @RequirePermission('events:manage')
  @ApiOperation({
    operationId: 'saveConsentForm',
    summary: 'Replace the event’s consent form',
    description:
      'Draft or published. Changing a published event’s form makes the consents given stale and asks those families again.',
  })
  @ApiOkResponse({ type: ConsentFormDto })
  @ApiProblems(400, 404, 409)
  async saveConsentForm(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @Body() body: SaveConsentFormRequest,
  ): Promise<ConsentFormDto> {
    return ConsentFormDto.from(
      await this.save.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        questions: body.toQuestions(),
      }),
    );
  }

  @Get('bookings/:bookingId/consent')
  @RequirePermission('events:read')
  @ApiOperation({
    operationId: 'getBookingConsent',
    summary: 'A booking’s consent answers',
    description: 'Per guardian, with when; medical notes only for staff who manage events.',
  })
  @ApiOkResponse({ type: BookingConsentDto })
  @ApiProblems(400, 404)
  async getBookingConsent(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @IdParam('bookingId') bookingId: string,
  ): Promise<BookingConsentDto> {
    return BookingConsentDto.from(
      await this.answers.execute({ actor, schoolId: schoolId as SchoolId, eventId, bookingId }),
    );
  }
}
