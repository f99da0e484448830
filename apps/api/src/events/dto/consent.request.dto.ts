import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_QUESTION_KINDS,
  type ConsentAnswer,
  type ConsentQuestion,
  type ConsentQuestionKind,
  type ConsentValue,
} from '@rowan/events';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ConsentQuestionDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the editor; kept while the question is' })
  @IsUUID()
  id!: string;
  /** Checked against the kinds by the domain, so the problem names `questions[i].kind`. */
  @ApiProperty({ enum: CONSENT_QUESTION_KINDS }) @IsString() @MaxLength(40) kind!: ConsentQuestionKind;
  @ApiProperty({ maxLength: 500 }) @IsString() @MaxLength(500) label!: string;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiPropertyOptional({ type: [String], description: 'A choice question’s options' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  options?: string[];

  toQuestion(): ConsentQuestion {
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      required: this.required,
      options: this.options ?? [],
    };
  }
}

export class SaveConsentFormRequest {
  @ApiProperty({ type: [ConsentQuestionDto], description: 'In order; an empty list removes the form' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConsentQuestionDto)
  questions!: ConsentQuestionDto[];

  toQuestions(): ConsentQuestion[] {
    return this.questions.map((q) => q.toQuestion());
  }
}

export class ConsentAnswerDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() questionId!: string;
  @ApiProperty({
    oneOf: [{ type: 'string', maxLength: 5000 }, { type: 'boolean' }],
    description: 'True or false for yes/no and the emergency-contact confirmation, else text',
  })
  @IsDefined()
  value!: ConsentValue;
}

export class ConsentAnswersRequest {
  @ApiProperty({ type: [ConsentAnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConsentAnswerDto)
  answers!: ConsentAnswerDto[];

  toAnswers(): ConsentAnswer[] {
    return this.answers.map((a) => ({ questionId: a.questionId, value: a.value }));
  }
}
