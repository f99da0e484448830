import { Module } from '@nestjs/common';
import { MikroOrmSchoolRepository, MikroOrmTrustRepository } from '@rowan/adapters/persistence/repositories/mikro-orm-directory.repository';
import { SchoolRepository } from './application/ports/school.repository';
import { TrustRepository } from './application/ports/trust.repository';
import { CreateSchoolUseCase } from './application/create-school/create-school.use-case';
import { CreateTrustUseCase } from './application/create-trust/create-trust.use-case';
import { GetSchoolUseCase } from './application/get-school/get-school.use-case';
import { ListSchoolsUseCase } from './application/list-schools/list-schools.use-case';
import { ListTrustsUseCase } from './application/list-trusts/list-trusts.use-case';
import { SchoolCatalogue } from './application/school-catalogue.service';

const USE_CASES = [CreateTrustUseCase, ListTrustsUseCase, CreateSchoolUseCase, ListSchoolsUseCase, GetSchoolUseCase];

@Module({
  providers: [
    { provide: TrustRepository, useClass: MikroOrmTrustRepository },
    { provide: SchoolRepository, useClass: MikroOrmSchoolRepository },
    SchoolCatalogue,
    ...USE_CASES,
  ],
  exports: [SchoolCatalogue, ...USE_CASES],
})
export class DirectoryModule {}
