import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AccessIdentityForgetting } from '@rowan/adapters/bridges/access-identity-forgetting.adapter';
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
import {
  ComplianceJobs,
  ComplianceStore,
  IdentityForgetting,
  SchoolDataEraser,
} from './application/ports/compliance.store';
import { LeaverRegister, RETENTION_PARTICIPANTS } from './application/ports/leavers';
import { ReadRetentionUseCase } from './application/retention/read-retention.use-case';
import { RunRetentionUseCase } from './application/retention/run-retention.use-case';
import { ScheduleComplianceWorkUseCase } from './application/schedule-compliance-work.use-case';
import { MikroOrmCommunicationsPersonalData } from '@rowan/adapters/persistence/communications/mikro-orm-communications-personal-data';
import { MikroOrmDirectoryPersonalData } from '@rowan/adapters/persistence/directory/mikro-orm-directory-personal-data';
import { MikroOrmEventsPersonalData } from '@rowan/adapters/persistence/events/mikro-orm-events-personal-data';
import { MikroOrmAccessPersonalData } from '@rowan/adapters/persistence/repositories/mikro-orm-access-personal-data';
import { ExportSubjectAccessUseCase } from './application/subject-access/export-subject-access.use-case';
import { DataSubjects, PersonalDataSources } from './application/subject-access/personal-data.ports';

/** Subject access: every context holding personal data has a source, read in this order. */
const PERSONAL_DATA_SOURCES = [
  MikroOrmDirectoryPersonalData,
  MikroOrmEventsPersonalData,
  MikroOrmCommunicationsPersonalData,
  MikroOrmAccessPersonalData,
];

const SUBJECT_ACCESS = [
  ...PERSONAL_DATA_SOURCES,
  { provide: DataSubjects, useExisting: MikroOrmDirectoryPersonalData },
  {
    provide: PersonalDataSources,
    useFactory: (...sources: PersonalDataSources['all']) => new PersonalDataSources(sources),
    inject: PERSONAL_DATA_SOURCES,
  },
  ExportSubjectAccessUseCase,
];

const USE_CASES = [
  RunRetentionUseCase,
  ReadRetentionUseCase,
  SchoolContractUseCase,
  DestroySchoolDataUseCase,
  ScheduleComplianceWorkUseCase,
  ExportSubjectAccessUseCase,
];

/**
 * The compliance context: needs the global PersistenceModule and AuditModule, and BullMQ's root. Every context
 * that holds personal data takes part in retention through a participant, and in subject access through a source.
 */
@Module({
  imports: [DirectoryModule, BullModule.registerQueue({ name: QUEUES.compliance })],
  providers: [
    { provide: ComplianceStore, useClass: MikroOrmComplianceStore },
    { provide: SchoolDataEraser, useClass: MikroOrmSchoolDataEraser },
    { provide: LeaverRegister, useClass: MikroOrmLeaverRegister },
    { provide: ComplianceJobs, useClass: BullMqComplianceJobs },
    { provide: IdentityForgetting, useClass: AccessIdentityForgetting },
    DirectoryRetention,
    EventsRetention,
    CommunicationsRetention,
    AccessRetention,
    {
      provide: RETENTION_PARTICIPANTS,
      useFactory: (...participants: unknown[]) => participants,
      inject: [DirectoryRetention, EventsRetention, CommunicationsRetention, AccessRetention],
    },
    ...SUBJECT_ACCESS.filter((p) => p !== ExportSubjectAccessUseCase),
    ...USE_CASES,
  ],
  exports: USE_CASES,
})
export class ComplianceModule {}
