import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIENCE_KINDS,
  CHARACTERISTIC_FILTERS,
  INVITEE_FILTERS,
  ROUTING_POLICIES,
  type AudienceKind,
  type AudienceSpec,
  type CharacteristicFilter,
  type InviteeFilter,
  type MessageContent,
  type RoutingPolicy,
} from '@rowan/communications';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PupilSelectorsDto } from '../../http/pupil-selectors.dto';

/** An event's invitees as one more way to pick pupils, beside years, groups and names. */
export class EventInviteesDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A published (or since cancelled) trip or club of this school',
  })
  @IsUUID('all')
  eventId!: string;

  @ApiProperty({
    enum: INVITEE_FILTERS,
    description:
      'all invited; booked (a confirmed place); waitlisted (offered a freed place or not); not_responded (no live ' +
      'booking); consent_outstanding (holding a place on a trip with a consent form, consent missing or stale)',
  })
  @IsIn(INVITEE_FILTERS)
  invitees!: InviteeFilter;
}

export class AudienceDto extends PupilSelectorsDto {
  @ApiProperty({
    enum: AUDIENCE_KINDS,
    description:
      'Contacts of pupils, the pupils themselves (by their school email only), or staff. Merge fields for pupils: ' +
      '{{forename}} and {{surname}} are their preferred names; {{children}} and {{title}} are empty',
  })
  @IsIn(AUDIENCE_KINDS)
  kind!: AudienceKind;

  @ApiPropertyOptional({
    enum: CHARACTERISTIC_FILTERS,
    isArray: true,
    description: 'Only pupils with any of these now',
  })
  @IsOptional()
  @IsIn(CHARACTERISTIC_FILTERS, { each: true })
  characteristics?: CharacteristicFilter[];

  @ApiPropertyOptional({
    type: EventInviteesDto,
    description: 'Contacts or pupils audience: also the pupils this event invited, by where they stand',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventInviteesDto)
  eventInvitees?: EventInviteesDto;

  @ApiPropertyOptional({
    enum: ['priority', 'parental_responsibility', 'all'],
    default: 'priority',
    description:
      'Contacts audience: which of each pupil’s contacts: the first with parental responsibility, all with it, or all',
  })
  @IsOptional()
  @IsIn(['priority', 'parental_responsibility', 'all'])
  contacts?: 'priority' | 'parental_responsibility' | 'all';

  @ApiPropertyOptional({
    type: [String],
    description: 'Staff audience: these staff (all active staff if empty)',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(5000)
  staffIds?: string[];

  toSpec(): AudienceSpec {
    const pupils = {
      ...this.selectors(),
      characteristics: this.characteristics ?? [],
      ...(this.eventInvitees
        ? { eventInvitees: { eventId: this.eventInvitees.eventId, invitees: this.eventInvitees.invitees } }
        : {}),
    };
    switch (this.kind) {
      case 'staff':
        return { kind: 'staff', staffIds: this.staffIds ?? [] };
      case 'pupils':
        return { kind: 'pupils', ...pupils };
      case 'contacts':
        return { kind: 'contacts', ...pupils, contacts: this.contacts ?? 'priority' };
    }
  }
}

class AppContentDto {
  @ApiProperty({ maxLength: 120 }) @IsString() @Length(1, 120) title!: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) body!: string;
}

class EmailContentDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) subject!: string;
  @ApiProperty({ maxLength: 100000, description: 'Rich text as HTML (sanitised)' })
  @IsString()
  @Length(1, 100_000)
  html!: string;
  @ApiProperty({ maxLength: 50000, description: 'The same as plain text' })
  @IsString()
  @Length(1, 50_000)
  text!: string;
}

class SmsContentDto {
  @ApiProperty({ maxLength: 1000, description: 'At most 6 segments once merged' })
  @IsString()
  @Length(1, 1000)
  text!: string;
}

export class ContentDto {
  @ApiPropertyOptional({ type: AppContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppContentDto)
  app?: AppContentDto;

  @ApiPropertyOptional({ type: EmailContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmailContentDto)
  email?: EmailContentDto;

  @ApiPropertyOptional({ type: SmsContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SmsContentDto)
  sms?: SmsContentDto;

  toContent(sanitise: (html: string) => string): MessageContent {
    return {
      app: this.app ? { title: this.app.title, body: this.app.body } : null,
      email: this.email
        ? { subject: this.email.subject, html: sanitise(this.email.html), text: this.email.text }
        : null,
      sms: this.sms ? { text: this.sms.text } : null,
    };
  }
}

export class EstimateMessageRequest {
  @ApiProperty({ type: AudienceDto })
  @ValidateNested()
  @Type(() => AudienceDto)
  audience!: AudienceDto;

  @ApiProperty({ type: ContentDto })
  @ValidateNested()
  @Type(() => ContentDto)
  content!: ContentDto;

  @ApiProperty({
    enum: ROUTING_POLICIES,
    description:
      'cheapest: app, else email, else SMS, falling back; all: urgent, every channel at once; email or sms only',
  })
  @IsIn(ROUTING_POLICIES)
  policy!: RoutingPolicy;
}

export class SendMessageRequest extends EstimateMessageRequest {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Send later (editable until then)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  scheduledFor?: string;

  @ApiPropertyOptional({ default: false, description: 'Save without sending' })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}
