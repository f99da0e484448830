import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, IdGenerator, SystemClock, UnitOfWork } from '@rowan/kernel';
import { AccessChangePublisher, AccessChangesSettings } from './access-changes';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work';
import { ormOptions } from './orm-config';
import { UuidV7IdGenerator } from './uuid-v7-id-generator';

/** MikroORM on MySQL plus the kernel ports every context uses (Clock, IdGenerator, UnitOfWork). */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: {
    databaseUrl: string;
    clock?: Clock;
    poolSize?: number;
    /** Where to announce membership and account changes, so the API's cached actors are dropped. */
    accessChanges: { redisUrl: string; prefix: string };
  }): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        MikroOrmModule.forRoot({
          ...ormOptions(
            options.databaseUrl,
            options.poolSize ? { pool: { min: 0, max: options.poolSize } } : {},
          ),
          registerRequestContext: true,
        }),
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useClass: UuidV7IdGenerator },
        { provide: UnitOfWork, useClass: MikroOrmUnitOfWork },
        {
          provide: AccessChangesSettings,
          useValue: new AccessChangesSettings(options.accessChanges.redisUrl, options.accessChanges.prefix),
        },
        AccessChangePublisher,
      ],
      exports: [Clock, IdGenerator, UnitOfWork],
    };
  }
}
