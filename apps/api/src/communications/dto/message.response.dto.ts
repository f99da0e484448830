import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RECIPIENT_KINDS,
  type DeliveryRecord,
  type InboxMessageView,
  type MessageEstimate,
  type MessageProgressView,
  type MessageView,
  type ProgressCounts,
  type UnreachedRecipient,
} from '@rowan/communications';

class ChannelCountsDto {
  @ApiProperty() app!: number;
  @ApiProperty() email!: number;
  @ApiProperty() sms!: number;
}

export class MessageEstimateDto {
  @ApiProperty({ description: 'Recipients (one per family; one per pupil or member of staff)' })
  recipients!: number;
  @ApiProperty({ type: ChannelCountsDto, description: 'How many each channel reaches first' })
  byChannel!: ChannelCountsDto;
  @ApiProperty({ description: 'Recipients with no usable contact for this routing' }) unreachable!: number;
  @ApiProperty() smsSegments!: number;
  @ApiProperty({ description: 'SMS cost in pence (segments × the school’s price per segment)' })
  smsCostPence!: number;

  static from(e: MessageEstimate): MessageEstimateDto {
    return {
      recipients: e.recipients,
      byChannel: { ...e.byChannel },
      unreachable: e.unreachable,
      smsSegments: e.smsSegments,
      smsCostPence: e.smsCostPence,
    };
  }
}

class StateCountsDto {
  @ApiPropertyOptional() queued?: number;
  @ApiPropertyOptional() sent?: number;
  @ApiPropertyOptional() delivered?: number;
  @ApiPropertyOptional() read?: number;
  @ApiPropertyOptional() failed?: number;
  @ApiPropertyOptional() bounced?: number;
  @ApiPropertyOptional({ name: 'opted_out' }) opted_out?: number;
}

class ProgressDto {
  @ApiProperty({ type: StateCountsDto }) app!: StateCountsDto;
  @ApiProperty({ type: StateCountsDto }) email!: StateCountsDto;
  @ApiProperty({ type: StateCountsDto }) sms!: StateCountsDto;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ description: 'The audience rules, as sent' }) audience!: object;
  @ApiProperty({ description: 'Content per channel, as sent' }) content!: object;
  @ApiProperty({ enum: ['cheapest', 'all', 'email', 'sms'] }) policy!: string;
  @ApiProperty({
    enum: ['draft', 'pending_approval', 'scheduled', 'held', 'sending', 'sent', 'cancelled'],
  })
  status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledFor!: string | null;
  @ApiProperty({ type: MessageEstimateDto, nullable: true }) estimate!: MessageEstimateDto | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it is held (SMS budget)' })
  heldReason!: string | null;

  static from(m: MessageView): MessageDto {
    return {
      id: m.id,
      schoolId: m.schoolId,
      audience: m.audience,
      content: m.content,
      policy: m.policy,
      status: m.status,
      scheduledFor: m.scheduledFor?.toISOString() ?? null,
      estimate: m.estimate ? MessageEstimateDto.from(m.estimate) : null,
      createdBy: m.createdBy,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      heldReason: m.heldReason,
    };
  }
}

export class MessageProgressDto extends MessageDto {
  @ApiProperty({ type: ProgressDto, description: 'Deliveries by channel and state, live' })
  progress!: ProgressDto;

  static fromProgress(m: MessageProgressView): MessageProgressDto {
    const copy = (c: ProgressCounts[keyof ProgressCounts]) => ({ ...c });
    return {
      ...MessageDto.from(m),
      progress: { app: copy(m.progress.app), email: copy(m.progress.email), sms: copy(m.progress.sms) },
    };
  }
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) items!: MessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UnreachedDto {
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid', description: 'The contact, pupil or member of staff' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) children!: string[];
  @ApiProperty({ enum: ['no_contact', 'failed', 'bounced', 'opted_out'] }) reason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Provider error codes' }) detail!: string | null;

  static from(u: UnreachedRecipient): UnreachedDto {
    return { ...u, children: [...u.children] };
  }
}

export class UnreachedPageDto {
  @ApiProperty({ type: [UnreachedDto] }) items!: UnreachedDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class InboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty() read!: boolean;

  static from(m: InboxMessageView): InboxMessageDto {
    return { ...m, sentAt: m.sentAt?.toISOString() ?? null };
  }
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxMessageDto] }) items!: InboxMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) recipientKind!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ enum: ['app', 'email', 'sms'] }) channel!: string;
  @ApiProperty({ description: 'Email address or mobile number (a user id for the app)' }) address!: string;
  @ApiProperty({ enum: ['queued', 'sent', 'delivered', 'read', 'failed', 'bounced', 'opted_out'] })
  state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Twilio SID or SES message id' })
  providerRef!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'SMS segments billed' }) segments!: number | null;
  @ApiProperty({ format: 'date-time' }) queuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;

  static from(d: DeliveryRecord): DeliveryDto {
    const iso = (x: Date | null) => x?.toISOString() ?? null;
    return {
      id: d.id,
      recipientId: d.recipientId,
      recipientKind: d.recipientKind,
      personId: d.personId,
      recipientName: d.recipientName,
      channel: d.channel,
      address: d.address,
      state: d.state,
      providerRef: d.providerRef,
      errorCode: d.errorCode,
      segments: d.segments,
      queuedAt: d.queuedAt.toISOString(),
      sentAt: iso(d.sentAt),
      deliveredAt: iso(d.deliveredAt),
      readAt: iso(d.readAt),
      failedAt: iso(d.failedAt),
    };
  }
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
