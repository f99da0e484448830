import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { EventsInvitees } from '@rowan/adapters/bridges/events-invitees.adapter';
import { BullMqDispatchJobs, SendBatchSizes } from '@rowan/adapters/bullmq/bullmq-dispatch-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import { MikroOrmAudienceDirectory } from '@rowan/adapters/persistence/communications/mikro-orm-audience-directory';
import { MikroOrmCommunicationSettings } from '@rowan/adapters/persistence/communications/mikro-orm-communication-settings';
import { MikroOrmDeliveryLedger } from '@rowan/adapters/persistence/communications/mikro-orm-delivery-ledger';
import { MikroOrmMessageRepository } from '@rowan/adapters/persistence/communications/mikro-orm-message.repository';
import { MikroOrmMessagingAnalytics } from '@rowan/adapters/persistence/communications/mikro-orm-messaging-analytics';
import { SesEmailSender, type SesSettings } from '@rowan/adapters/ses/ses-email-sender.adapter';
import { TwilioSmsSender, type TwilioSettings } from '@rowan/adapters/twilio/twilio-sms-sender.adapter';
import { DirectoryModule } from '@rowan/directory/directory.module';
import {
  GetSchoolMessagingAnalyticsUseCase,
  GetTrustMessagingAnalyticsUseCase,
} from './application/analytics/messaging-analytics.use-case';
import { AudienceResolver } from './application/audience/audience-resolver';
import { ApproveMessageUseCase } from './application/compose/approve-message.use-case';
import { CancelMessageUseCase } from './application/compose/cancel-message.use-case';
import { ComposeRules } from './application/compose/compose-rules';
import {
  GetCommunicationSettingsUseCase,
  UpdateCommunicationSettingsUseCase,
} from './application/compose/communication-settings.use-case';
import {
  GetTrustCommunicationSettingsUseCase,
  UpdateTrustCommunicationSettingsUseCase,
} from './application/compose/trust-communication-settings.use-case';
import { EstimateMessageUseCase } from './application/compose/estimate-message.use-case';
import { SendMessageUseCase } from './application/compose/send-message.use-case';
import { UpdateMessageUseCase } from './application/compose/update-message.use-case';
import { DispatchMessageUseCase } from './application/dispatch/dispatch-message.use-case';
import { FallbackService } from './application/dispatch/fallback.service';
import {
  RecordDeliveryEventUseCase,
  RecordSmsReplyUseCase,
} from './application/dispatch/record-delivery-event.use-case';
import {
  ReleaseScheduledMessagesUseCase,
  RunDueFallbacksUseCase,
} from './application/dispatch/scheduled-work.use-case';
import { SendDeliveriesUseCase } from './application/dispatch/send-deliveries.use-case';
import { SendSettings } from './application/dispatch/send-settings';
import { ListInboxUseCase, ReadInboxMessageUseCase } from './application/inbox/inbox.use-case';
import { AudienceDirectory } from './application/ports/audience-directory';
import { CommunicationSettingsStore } from './application/ports/communication-settings';
import { DeliveryLedger } from './application/ports/delivery-ledger';
import { DispatchJobs } from './application/ports/dispatch-jobs';
import { EventInvitees } from './application/ports/event-invitees';
import { MessageRepository } from './application/ports/message.repository';
import { MessagingAnalytics } from './application/ports/messaging-analytics';
import { EmailSender, SmsSender } from './application/ports/senders';
import {
  GetMessageUseCase,
  ListDeliveriesUseCase,
  ListMessagesUseCase,
  ListUnreachedUseCase,
} from './application/track/track-messages.use-case';

const USE_CASES = [
  EstimateMessageUseCase,
  SendMessageUseCase,
  UpdateMessageUseCase,
  CancelMessageUseCase,
  ApproveMessageUseCase,
  GetCommunicationSettingsUseCase,
  UpdateCommunicationSettingsUseCase,
  GetTrustCommunicationSettingsUseCase,
  UpdateTrustCommunicationSettingsUseCase,
  GetSchoolMessagingAnalyticsUseCase,
  GetTrustMessagingAnalyticsUseCase,
  DispatchMessageUseCase,
  SendDeliveriesUseCase,
  RecordDeliveryEventUseCase,
  RecordSmsReplyUseCase,
  ReleaseScheduledMessagesUseCase,
  RunDueFallbacksUseCase,
  ListMessagesUseCase,
  GetMessageUseCase,
  ListUnreachedUseCase,
  ListDeliveriesUseCase,
  ListInboxUseCase,
  ReadInboxMessageUseCase,
];

export interface CommunicationsOptions {
  readonly twilio: TwilioSettings;
  readonly ses: SesSettings;
  readonly sending: {
    readonly smsBatch: number;
    readonly emailBatch: number;
    readonly claimExpiryMs: number;
    readonly parallelCalls: number;
  };
}

/** The communications context: needs the global PersistenceModule and AuditModule, and BullMQ's root. */
@Module({})
export class CommunicationsModule {
  static forRoot(options: CommunicationsOptions): DynamicModule {
    return {
      module: CommunicationsModule,
      imports: [
        DirectoryModule,
        BullModule.registerQueue({ name: QUEUES.dispatch }, { name: QUEUES.sms }, { name: QUEUES.email }),
      ],
      providers: [
        { provide: MessageRepository, useClass: MikroOrmMessageRepository },
        { provide: DeliveryLedger, useClass: MikroOrmDeliveryLedger },
        { provide: AudienceDirectory, useClass: MikroOrmAudienceDirectory },
        { provide: EventInvitees, useClass: EventsInvitees },
        { provide: CommunicationSettingsStore, useClass: MikroOrmCommunicationSettings },
        { provide: MessagingAnalytics, useClass: MikroOrmMessagingAnalytics },
        { provide: DispatchJobs, useClass: BullMqDispatchJobs },
        {
          provide: SendBatchSizes,
          useValue: new SendBatchSizes(options.sending.smsBatch, options.sending.emailBatch),
        },
        {
          provide: SendSettings,
          useValue: {
            claimExpiryMs: options.sending.claimExpiryMs,
            parallelCalls: options.sending.parallelCalls,
          } satisfies SendSettings,
        },
        { provide: SmsSender, useFactory: () => new TwilioSmsSender(options.twilio) },
        { provide: EmailSender, useFactory: () => new SesEmailSender(options.ses) },
        FallbackService,
        AudienceResolver,
        ComposeRules,
        ...USE_CASES,
      ],
      exports: USE_CASES,
    };
  }
}
