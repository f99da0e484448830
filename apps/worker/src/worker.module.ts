import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccessModule } from '@rowan/access/access.module';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import { redisConnection } from '@rowan/adapters/bullmq/redis-connection';
import { WorkerConfig } from '@rowan/adapters/config/config';
import { CryptoModule } from '@rowan/adapters/crypto/crypto.module';
import { PersistenceModule } from '@rowan/adapters/persistence/persistence.module';
import type { Clock } from '@rowan/kernel';
import { logOptions } from '@rowan/adapters/logging/log-options';
import { LoggerModule } from 'nestjs-pino';
import { AccessProcessor } from './processors/access.processor';
import { ComplianceProcessor } from './processors/compliance.processor';
import { SyncProcessor } from './processors/sync.processor';
import { AccessSchedule } from './schedules/access.schedule';
import { ComplianceSchedule } from './schedules/compliance.schedule';
import { DirectorySchedule } from './schedules/directory.schedule';
import { CommunicationsModule } from '@rowan/communications/communications.module';
import { EventsModule } from '@rowan/events/events.module';
import { messagingSettings } from '@rowan/adapters/config/messaging-settings';
import { EventsProcessor } from './processors/events.processor';
import { DispatchProcessor } from './processors/dispatch.processor';
import { EmailSendProcessor, SmsSendProcessor } from './processors/send.processors';
import { CommunicationsSchedule, SendRateLimits } from './schedules/communications.schedule';
import { ComplianceModule } from '@rowan/compliance/compliance.module';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig, options: { schedules?: boolean; clock?: Clock } = {}): DynamicModule {
    const communications = CommunicationsModule.forRoot(messagingSettings(config));
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: logOptions(config) }),
        PersistenceModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          accessChanges: { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX },
          ...(options.clock ? { clock: options.clock } : {}),
        }),
        BullModule.forRoot({
          connection: redisConnection(config.REDIS_URL),
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
        }),
        ...(options.schedules === false ? [] : [ScheduleModule.forRoot()]),
        CryptoModule.forRoot({ misTokenKey: config.MIS_TOKEN_KEY }),
        DirectoryModule,
        communications,
        EventsModule.forRoot({
          offerWindowMs: config.EVENT_OFFER_SECONDS * 1000,
          communications,
          payments: {
            holdMs: config.PAYMENT_HOLD_SECONDS * 1000,
            webOrigin: '' /* the worker makes no checkouts */,
            stripe: {
              secretKey: config.STRIPE_SECRET_KEY,
              webhookSecret: config.STRIPE_WEBHOOK_SECRET,
              ...(config.STRIPE_API_URL ? { apiUrl: config.STRIPE_API_URL } : {}),
            },
          },
        }),
        BullModule.registerQueue({ name: QUEUES.sms }, { name: QUEUES.email }, { name: QUEUES.compliance }),
        ComplianceModule,
        AccessModule.forRoot({
          auditSealGraceMs: config.AUDIT_SEAL_GRACE_MS,
          fusionAuth: {
            baseUrl: config.FUSIONAUTH_URL,
            apiKey: config.FUSIONAUTH_API_KEY,
            applicationId: config.OIDC_AUDIENCE,
            tenantId: config.FUSIONAUTH_TENANT_ID,
          },
        }),
      ],
      providers: [
        { provide: WorkerConfig, useValue: config },
        AccessProcessor,
        SyncProcessor,
        DispatchProcessor,
        SmsSendProcessor,
        EmailSendProcessor,
        EventsProcessor,
        ComplianceProcessor,
        SendRateLimits,
        ...(options.schedules === false
          ? []
          : [AccessSchedule, DirectorySchedule, CommunicationsSchedule, ComplianceSchedule]),
      ],
    };
  }
}
