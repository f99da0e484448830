import { Module } from '@nestjs/common';
import { MikroOrmCommunicationsPersonalData } from '@rowan/adapters/persistence/communications/mikro-orm-communications-personal-data';
import { MikroOrmDirectoryPersonalData } from '@rowan/adapters/persistence/directory/mikro-orm-directory-personal-data';
import { MikroOrmEventsPersonalData } from '@rowan/adapters/persistence/events/mikro-orm-events-personal-data';
import { MikroOrmAccessPersonalData } from '@rowan/adapters/persistence/repositories/mikro-orm-access-personal-data';
import { DirectoryModule } from '@rowan/directory/directory.module';
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

/** Binds the compliance context's ports to their adapters. */
@Module({
  imports: [DirectoryModule],
  providers: [...SUBJECT_ACCESS],
  exports: [ExportSubjectAccessUseCase],
})
export class ComplianceModule {}
