import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { DirectorySchoolDirectory } from '@rowan/adapters/bridges/directory-school-directory.adapter';
import { BullMqAccessJobs } from '@rowan/adapters/bullmq/bullmq-access-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import {
  FusionAuthIdentityProvider,
  type FusionAuthSettings,
} from '@rowan/adapters/fusionauth/fusionauth-identity-provider.adapter';
import { MikroOrmAuditChains } from '@rowan/adapters/persistence/repositories/mikro-orm-audit-chains.repository';
import { MikroOrmSignInLedger } from '@rowan/adapters/persistence/repositories/mikro-orm-sign-in-ledger.repository';
import { MikroOrmMembershipRepository } from '@rowan/adapters/persistence/repositories/mikro-orm-membership.repository';
import { MikroOrmUserRepository } from '@rowan/adapters/persistence/repositories/mikro-orm-user.repository';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { AccessJobs } from './application/ports/access-jobs';
import { AuditChains, AuditChainSettings } from './application/ports/audit-chains';
import { SignInLedger } from './application/ports/sign-in-ledger';
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
import { ForgetIdentityUseCase } from './application/forget-identity/forget-identity.use-case';
import { ProvisionIdentityUseCase } from './application/provision-identity/provision-identity.use-case';
import { RequeueIdentityProvisioningUseCase } from './application/requeue-identity-provisioning/requeue-identity-provisioning.use-case';
import { ResolveActorUseCase } from './application/resolve-actor/resolve-actor.use-case';
import { RevokeMembershipUseCase } from './application/revoke-membership/revoke-membership.use-case';
import { ForgetSignInSessionsUseCase } from './application/forget-sign-in-sessions/forget-sign-in-sessions.use-case';
import { RecordReportExportUseCase } from './application/record-report-export/record-report-export.use-case';
import { RecordSignInUseCase } from './application/record-sign-in/record-sign-in.use-case';
import { SealAuditTrailUseCase } from './application/seal-audit-trail/seal-audit-trail.use-case';
import { VerifyAuditChainUseCase } from './application/verify-audit-chain/verify-audit-chain.use-case';
import { Invitations } from './application/invitations.service';
import { SchoolMemberships } from './application/school-memberships.service';
import { AuditModule } from './audit.module';

const USE_CASES = [
  ResolveActorUseCase,
  ForgetIdentityUseCase,
  GetMeUseCase,
  InviteMemberUseCase,
  ChangeMembershipRoleUseCase,
  RevokeMembershipUseCase,
  ListMembershipsUseCase,
  ListAuditRecordsUseCase,
  ProvisionIdentityUseCase,
  GrantParentAccessUseCase,
  RequeueIdentityProvisioningUseCase,
  SealAuditTrailUseCase,
  VerifyAuditChainUseCase,
  RecordSignInUseCase,
  RecordReportExportUseCase,
  ForgetSignInSessionsUseCase,
];

/** How long an audit record waits before it is sealed into its chain, unless configured. */
const AUDIT_SEAL_GRACE_MS = 2_000;

@Module({})
export class AccessModule {
  static forRoot(options: { fusionAuth: FusionAuthSettings; auditSealGraceMs?: number }): DynamicModule {
    return {
      module: AccessModule,
      imports: [
        AuditModule,
        DirectoryModule,
        BullModule.registerQueue({ name: QUEUES.access }, { name: QUEUES.compliance }),
      ],
      providers: [
        { provide: UserRepository, useClass: MikroOrmUserRepository },
        { provide: MembershipRepository, useClass: MikroOrmMembershipRepository },
        { provide: SchoolDirectory, useClass: DirectorySchoolDirectory },
        { provide: AccessJobs, useClass: BullMqAccessJobs },
        { provide: AuditChains, useClass: MikroOrmAuditChains },
        { provide: SignInLedger, useClass: MikroOrmSignInLedger },
        {
          provide: AuditChainSettings,
          useValue: new AuditChainSettings(options.auditSealGraceMs ?? AUDIT_SEAL_GRACE_MS),
        },
        { provide: IdentityProvider, useValue: new FusionAuthIdentityProvider(options.fusionAuth) },
        SchoolMemberships,
        Invitations,
        ...USE_CASES,
      ],
      exports: [SchoolDirectory, ...USE_CASES],
    };
  }
}
