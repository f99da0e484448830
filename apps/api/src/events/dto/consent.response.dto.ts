import { ApiProperty } from '@nestjs/swagger';
import {
  CONSENT_QUESTION_KINDS,
  CONSENT_STATES,
  type BookingConsentView,
  type ConsentAnswer,
  type ConsentFormView,
  type ConsentQuestion,
  type ConsentState,
} from '@rowan/events';

export class ConsentQuestionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONSENT_QUESTION_KINDS }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [String] }) options!: string[];

  static from(q: ConsentQuestion): ConsentQuestionViewDto {
    return { id: q.id, kind: q.kind, label: q.label, required: q.required, options: [...q.options] };
  }
}

class ConsentAnswerViewDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }] }) value!: string | boolean;

  static from(a: ConsentAnswer): ConsentAnswerViewDto {
    return { questionId: a.questionId, value: a.value };
  }
}

export class ConsentFormDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: [ConsentQuestionViewDto] }) questions!: ConsentQuestionViewDto[];
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The latest “please confirm consent again” message',
  })
  reconsentMessageId!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;

  static from(f: ConsentFormView): ConsentFormDto {
    return {
      eventId: f.eventId,
      questions: f.questions.map(ConsentQuestionViewDto.from),
      reconsentMessageId: f.reconsentMessageId,
      updatedAt: f.updatedAt?.toISOString() ?? null,
    };
  }
}

class GuardianConsentDto {
  @ApiProperty({ format: 'uuid', description: 'The parent user who answered' }) guardianId!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({ description: 'The trip or its form changed since' }) stale!: boolean;
  @ApiProperty({ type: [ConsentAnswerViewDto] }) answers!: ConsentAnswerViewDto[];
}

export class BookingConsentDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ enum: CONSENT_STATES }) state!: ConsentState;
  @ApiProperty({ type: [ConsentQuestionViewDto] }) questions!: ConsentQuestionViewDto[];
  @ApiProperty({ type: [GuardianConsentDto] }) consents!: GuardianConsentDto[];

  static from(c: BookingConsentView): BookingConsentDto {
    return {
      bookingId: c.bookingId,
      state: c.state,
      questions: c.questions.map(ConsentQuestionViewDto.from),
      consents: c.consents.map((g) => ({
        guardianId: g.guardianId,
        givenAt: g.givenAt.toISOString(),
        stale: g.stale,
        answers: g.answers.map(ConsentAnswerViewDto.from),
      })),
    };
  }
}
