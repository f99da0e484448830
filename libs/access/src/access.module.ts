import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { DirectorySchoolDirectory } from '@rowan/adapters/bridges/directory-school-directory.adapter';
import { BullMqAccessJobs } from '@rowan/adapters/bullmq/bullmq-access-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import {
  FusionAuthIdentityProvider,
  type FusionAuthSettings,
} from '@rowan/adapters/fusionauth/fusionauth-identity-provider.adapter';
import { MikroOrmMembershipRepository } from '@rowan/adapters/persistence/repositories/mikro-orm-membership.repository';
import { MikroOrmUserRepository } from '@rowan/adapters/persistence/repositories/mikro-orm-user.repository';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { AccessJobs } from './application/ports/access-jobs';
import { IdentityProvider } from './application/ports/identity-provider';
import { MembershipRepository } from './application/ports/membership.repository';
import { SchoolDirectory } from './application/ports/school-directory';
import { UserRepository } from './application/ports/user.repository';
import { ChangeMembershipRoleUseCase } from './application/change-membership-role/change-membership-role.use-case';
import { GetMeUseCase } from './application/get-me/get-me.use-case';
import { GrantParentAccessUseCase } from './application/grant-parent-access/grant-parent-access.use-case';
import { InviteMemberUseCase } from './application/invite-member/invite-member.use-case';
import { ListAuditRecordsUseCase } from './application/list-audit-records/list-audit-records.use-case';
import { ListMembershipsUseCase } from './application/list-memberships/list-memberships.use-case';
import { ProvisionIdentityUseCase } from './application/provision-identity/provision-identity.use-case';
import { RequeueIdentityProvisioningUseCase } from './application/requeue-identity-provisioning/requeue-identity-provisioning.use-case';
import { ResolveActorUseCase } from './application/resolve-actor/resolve-actor.use-case';
import { RevokeMembershipUseCase } from './application/revoke-membership/revoke-membership.use-case';
import { Invitations } from './application/invitations.service';
import { SchoolMemberships } from './application/school-memberships.service';
import { AuditModule } from './audit.module';

const USE_CASES = [
  ResolveActorUseCase,
  GetMeUseCase,
  InviteMemberUseCase,
  ChangeMembershipRoleUseCase,
  RevokeMembershipUseCase,
  ListMembershipsUseCase,
  ListAuditRecordsUseCase,
  ProvisionIdentityUseCase,
  GrantParentAccessUseCase,
  RequeueIdentityProvisioningUseCase,
];

@Module({})
export class AccessModule {
  static forRoot(options: { fusionAuth: FusionAuthSettings }): DynamicModule {
    return {
      module: AccessModule,
      imports: [AuditModule, DirectoryModule, BullModule.registerQueue({ name: QUEUES.access })],
      providers: [
        { provide: UserRepository, useClass: MikroOrmUserRepository },
        { provide: MembershipRepository, useClass: MikroOrmMembershipRepository },
        { provide: SchoolDirectory, useClass: DirectorySchoolDirectory },
        { provide: AccessJobs, useClass: BullMqAccessJobs },
        { provide: IdentityProvider, useValue: new FusionAuthIdentityProvider(options.fusionAuth) },
        SchoolMemberships,
        Invitations,
        ...USE_CASES,
      ],
      exports: [SchoolDirectory, ...USE_CASES],
    };
  }
}
