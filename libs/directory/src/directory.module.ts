import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AccessParentAccounts } from '@rowan/adapters/bridges/access-parent-accounts.adapter';
import { BullMqDirectoryJobs } from '@rowan/adapters/bullmq/bullmq-directory-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import { MikroOrmContactAccounts } from '@rowan/adapters/persistence/directory/mikro-orm-contact-accounts';
import { MikroOrmDirectorySyncStore } from '@rowan/adapters/persistence/directory/mikro-orm-directory-sync.store';
import { MikroOrmPupilDirectory } from '@rowan/adapters/persistence/directory/mikro-orm-pupil-directory';
import {
  MikroOrmMisConnectionRepository,
  MikroOrmSyncRunRepository,
} from '@rowan/adapters/persistence/directory/mikro-orm-sync-run.repository';
import {
  MikroOrmSchoolRepository,
  MikroOrmTrustRepository,
} from '@rowan/adapters/persistence/repositories/mikro-orm-directory.repository';
import { CsvDirectoryFileReader } from '@rowan/adapters/csv/csv-directory-file.reader';
import { MikroOrmDirectoryImportRepository } from '@rowan/adapters/persistence/directory/mikro-orm-directory-import.repository';
import { WondeMisSource } from '@rowan/adapters/wonde/wonde-mis-source.adapter';
import { ConnectMisUseCase, GetMisConnectionUseCase } from './application/connect-mis/connect-mis.use-case';
import { CreateSchoolUseCase } from './application/create-school/create-school.use-case';
import { CreateTrustUseCase } from './application/create-trust/create-trust.use-case';
import { GetSchoolUseCase } from './application/get-school/get-school.use-case';
import { GetContactUseCase } from './application/get-contact/get-contact.use-case';
import { GetPupilUseCase, ListPupilsUseCase } from './application/list-pupils/list-pupils.use-case';
import { ListStaffUseCase } from './application/list-staff/list-staff.use-case';
import { ListGroupsUseCase } from './application/list-groups/list-groups.use-case';
import { ListSchoolsUseCase } from './application/list-schools/list-schools.use-case';
import { GetSyncRunUseCase, ListSyncRunsUseCase } from './application/list-sync-runs/list-sync-runs.use-case';
import { InviteParentUseCase } from './application/invite-parent/invite-parent.use-case';
import { ListMyChildrenUseCase } from './application/list-my-children/list-my-children.use-case';
import { ListTrustsUseCase } from './application/list-trusts/list-trusts.use-case';
import { ContactAccounts, ParentAccounts } from './application/ports/parent-accounts';
import { DirectorySyncStore } from './application/ports/directory-sync.store';
import { MisSource } from './application/ports/mis-source';
import { PupilDirectory } from './application/ports/pupil-directory';
import { SchoolRepository } from './application/ports/school.repository';
import {
  DirectoryJobs,
  MisConnectionRepository,
  SyncRunRepository,
} from './application/ports/sync-run.repository';
import { TrustRepository } from './application/ports/trust.repository';
import { DirectoryFileReader, DirectoryImportRepository } from './application/ports/directory-imports';
import { ApplyDirectoryImportUseCase } from './application/import-directory/apply-directory-import.use-case';
import {
  ForgetExpiredUploadsUseCase,
  GetDirectoryImportUseCase,
} from './application/import-directory/get-directory-import.use-case';
import { DirectoryImportPass } from './application/import-directory/import-pass';
import { UploadDirectoryFilesUseCase } from './application/import-directory/upload-directory-files.use-case';
import { RequestMisSyncUseCase } from './application/request-mis-sync/request-mis-sync.use-case';
import { RunMisSyncUseCase } from './application/run-mis-sync/run-mis-sync.use-case';
import { ScheduleDailySyncsUseCase } from './application/schedule-daily-syncs/schedule-daily-syncs.use-case';
import { TrustDirectoryOverviewUseCase } from './application/trust-directory-overview/trust-directory-overview.use-case';
import { SchoolCatalogue } from './application/school-catalogue.service';

const USE_CASES = [
  CreateTrustUseCase,
  ListTrustsUseCase,
  CreateSchoolUseCase,
  ListSchoolsUseCase,
  GetSchoolUseCase,
  ConnectMisUseCase,
  GetMisConnectionUseCase,
  RequestMisSyncUseCase,
  RunMisSyncUseCase,
  ListSyncRunsUseCase,
  GetSyncRunUseCase,
  ListPupilsUseCase,
  GetPupilUseCase,
  ScheduleDailySyncsUseCase,
  TrustDirectoryOverviewUseCase,
  InviteParentUseCase,
  ListMyChildrenUseCase,
  GetContactUseCase,
  ListStaffUseCase,
  ListGroupsUseCase,
  UploadDirectoryFilesUseCase,
  ApplyDirectoryImportUseCase,
  GetDirectoryImportUseCase,
  ForgetExpiredUploadsUseCase,
];

/** The directory context: needs the global PersistenceModule, AuditModule and CryptoModule (SecretBox). */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.sync })],
  providers: [
    { provide: TrustRepository, useClass: MikroOrmTrustRepository },
    { provide: SchoolRepository, useClass: MikroOrmSchoolRepository },
    { provide: SyncRunRepository, useClass: MikroOrmSyncRunRepository },
    { provide: MisConnectionRepository, useClass: MikroOrmMisConnectionRepository },
    { provide: DirectorySyncStore, useClass: MikroOrmDirectorySyncStore },
    { provide: PupilDirectory, useClass: MikroOrmPupilDirectory },
    { provide: MisSource, useFactory: () => new WondeMisSource() },
    { provide: DirectoryJobs, useClass: BullMqDirectoryJobs },
    { provide: ContactAccounts, useClass: MikroOrmContactAccounts },
    { provide: ParentAccounts, useClass: AccessParentAccounts },
    { provide: DirectoryFileReader, useClass: CsvDirectoryFileReader },
    { provide: DirectoryImportRepository, useClass: MikroOrmDirectoryImportRepository },
    SchoolCatalogue,
    DirectoryImportPass,
    ...USE_CASES,
  ],
  exports: [SchoolCatalogue, ...USE_CASES],
})
export class DirectoryModule {}
