import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessModule } from '@rowan/access/access.module';
import { redisConnection } from '@rowan/adapters/bullmq/redis-connection';
import { ApiConfig } from '@rowan/adapters/config/config';
import { CryptoModule } from '@rowan/adapters/crypto/crypto.module';
import { PersistenceModule } from '@rowan/adapters/persistence/persistence.module';
import { ComplianceModule } from '@rowan/compliance/compliance.module';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { logOptions } from '@rowan/adapters/logging/log-options';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { AuditRecordsController } from './access/audit-records.controller';
import { SubjectAccessController } from './compliance/subject-access.controller';
import { MeController } from './access/me.controller';
import { MembershipsController } from './access/memberships.controller';
import { TrustMembershipsController } from './access/trust-memberships.controller';
import { AccessGuard } from './auth/access.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { ActorCache } from './auth/actor-cache';
import { SignInSessions } from './auth/sign-in-sessions';
import { ReportDownloads } from './http/report-export';
import { TenantScope } from './auth/tenant-scope';
import { ContactsStaffController } from './directory/contacts-staff.controller';
import { GroupsController } from './directory/groups.controller';
import { DirectoryOverviewController } from './directory/directory-overview.controller';
import { MisSyncController } from './directory/mis-sync.controller';
import { DirectoryImportsController } from './directory/directory-imports.controller';
import { CommunicationsModule } from '@rowan/communications/communications.module';
import { EventsModule } from '@rowan/events/events.module';
import { SchoolComplianceController, TrustComplianceController } from './compliance/compliance.controller';
import { messagingSettings } from '@rowan/adapters/config/messaging-settings';
import { InboxController } from './communications/inbox.controller';
import { CommunicationSettingsController } from './communications/communication-settings.controller';
import {
  SchoolMessagingAnalyticsController,
  TrustMessagingAnalyticsController,
} from './communications/messaging-analytics.controller';
import { TrustCommunicationSettingsController } from './communications/trust-communication-settings.controller';
import { MessagesController } from './communications/messages.controller';
import { WebhooksController } from './communications/webhooks.controller';
import { ParentsController } from './directory/parents.controller';
import { PupilsController } from './directory/pupils.controller';
import { SchoolsController } from './directory/schools.controller';
import { TrustsController } from './directory/trusts.controller';
import { EventBookingsController } from './events/event-bookings.controller';
import { MyPaymentsController, PaymentsController } from './events/payments.controller';
import { EventReportsController } from './events/event-reports.controller';
import { SchoolReportsController, TrustReportsController } from './events/school-reports.controller';
import { EventConsentController } from './events/event-consent.controller';
import { MyConsentController } from './events/my-consent.controller';
import { EventsController } from './events/events.controller';
import { MyEventsController } from './events/my-events.controller';
import { EventStaffingController } from './events/staffing/event-staffing.controller';
import { MyScheduleController } from './events/staffing/my-schedule.controller';
import { MyParentsEveningsController } from './events/my-parents-evenings.controller';
import { ParentsEveningsController } from './events/parents-evenings.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { FixedWindowCounter } from './http/rate-limit/fixed-window.counter';
import { RouteRateLimitGuard } from './http/rate-limit/route-rate-limit.guard';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { RedisClient } from './redis.provider';

export interface ApiModuleOptions {
  readonly config: ApiConfig;
  readonly redis: RedisClient;
  readonly metrics: Registry;
  /** Where logs go (standard output unless given; the tests capture them). */
  readonly logStream?: DestinationStream;
}

@Module({})
export class AppModule implements NestModule {
  static forRoot({ config, redis, metrics, logStream }: ApiModuleOptions): DynamicModule {
    const communications = CommunicationsModule.forRoot(messagingSettings(config));
    const http = {
      ...logOptions(config),
      genReqId: (req: { headers: Record<string, unknown> }) => String(req.headers['x-request-id']),
      autoLogging: {
        ignore: (req: { url?: string }) => (req.url ?? '').startsWith('/health') || req.url === '/metrics',
      },
    };
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: logStream ? [http, logStream] : http,
          // Every route, in the pattern RequestContextMiddleware uses (nestjs-pino's default matches none here).
          forRoutes: ['*path'],
        }),
        PersistenceModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          accessChanges: { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX },
        }),
        BullModule.forRoot({ connection: redisConnection(config.REDIS_URL), prefix: config.REDIS_PREFIX }),
        CryptoModule.forRoot({ misTokenKey: config.MIS_TOKEN_KEY }),
        PassportModule,
        DirectoryModule,
        communications,
        EventsModule.forRoot({
          offerWindowMs: config.EVENT_OFFER_SECONDS * 1000,
          communications,
          payments: {
            holdMs: config.PAYMENT_HOLD_SECONDS * 1000,
            webOrigin: config.WEB_ORIGIN,
            stripe: {
              secretKey: config.STRIPE_SECRET_KEY,
              webhookSecret: config.STRIPE_WEBHOOK_SECRET,
              ...(config.STRIPE_API_URL ? { apiUrl: config.STRIPE_API_URL } : {}),
            },
          },
        }),
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
      controllers: [
        HealthController,
        MetricsController,
        MeController,
        TrustsController,
        TrustMembershipsController,
        SchoolsController,
        MembershipsController,
        AuditRecordsController,
        MisSyncController,
        DirectoryImportsController,
        MessagesController,
        InboxController,
        CommunicationSettingsController,
        TrustCommunicationSettingsController,
        SchoolMessagingAnalyticsController,
        TrustMessagingAnalyticsController,
        WebhooksController,
        PupilsController,
        DirectoryOverviewController,
        ParentsController,
        ContactsStaffController,
        GroupsController,
        EventsController,
        EventBookingsController,
        MyPaymentsController,
        PaymentsController,
        EventReportsController,
        SchoolComplianceController,
        TrustComplianceController,
        SchoolReportsController,
        TrustReportsController,
        EventConsentController,
        MyConsentController,
        MyEventsController,
        EventStaffingController,
        MyScheduleController,
        ParentsEveningsController,
        MyParentsEveningsController,
        SubjectAccessController,
      ],
      providers: [
        { provide: ApiConfig, useValue: config },
        { provide: RedisClient, useValue: redis },
        { provide: Registry, useValue: metrics },
        JwtStrategy,
        TenantScope,
        ActorCache,
        SignInSessions,
        ReportDownloads,
        FixedWindowCounter,
        // In this order: the route limits count per user, so they run once the AccessGuard knows who it is.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RouteRateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
