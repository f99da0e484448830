import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AccessRetention } from '@rowan/adapters/bridges/access-retention.adapter';
import { BullMqComplianceJobs } from '@rowan/adapters/bullmq/bullmq-compliance-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import { CommunicationsRetention } from '@rowan/adapters/persistence/communications/mikro-orm-communications-retention';
import { MikroOrmComplianceStore } from '@rowan/adapters/persistence/compliance/mikro-orm-compliance.store';
import { MikroOrmSchoolDataEraser } from '@rowan/adapters/persistence/compliance/mikro-orm-school-data.eraser';
import {
  DirectoryRetention,
  MikroOrmLeaverRegister,
} from '@rowan/adapters/persistence/directory/mikro-orm-leaver-register';
import { EventsRetention } from '@rowan/adapters/persistence/events/mikro-orm-events-retention';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { DestroySchoolDataUseCase } from './application/contract-end/destroy-school-data.use-case';
import { SchoolContractUseCase } from './application/contract-end/school-contract.use-case';
import { ComplianceJobs, ComplianceStore, SchoolDataEraser } from './application/ports/compliance.store';
import { LeaverRegister, RETENTION_PARTICIPANTS } from './application/ports/leavers';
import { ReadRetentionUseCase } from './application/retention/read-retention.use-case';
import { RunRetentionUseCase } from './application/retention/run-retention.use-case';
import { ScheduleComplianceWorkUseCase } from './application/schedule-compliance-work.use-case';

const USE_CASES = [
  RunRetentionUseCase,
  ReadRetentionUseCase,
  SchoolContractUseCase,
  DestroySchoolDataUseCase,
  ScheduleComplianceWorkUseCase,
];

/**
 * The compliance context: needs the global PersistenceModule and AuditModule, and BullMQ's root. Every context
 * that holds personal data about pupils or contacts takes part in retention through a participant here.
 */
@Module({
  imports: [DirectoryModule, BullModule.registerQueue({ name: QUEUES.compliance })],
  providers: [
    { provide: ComplianceStore, useClass: MikroOrmComplianceStore },
    { provide: SchoolDataEraser, useClass: MikroOrmSchoolDataEraser },
    { provide: LeaverRegister, useClass: MikroOrmLeaverRegister },
    { provide: ComplianceJobs, useClass: BullMqComplianceJobs },
    DirectoryRetention,
    EventsRetention,
    CommunicationsRetention,
    AccessRetention,
    {
      provide: RETENTION_PARTICIPANTS,
      useFactory: (...participants: unknown[]) => participants,
      inject: [DirectoryRetention, EventsRetention, CommunicationsRetention, AccessRetention],
    },
    ...USE_CASES,
  ],
  exports: USE_CASES,
})
export class ComplianceModule {}
