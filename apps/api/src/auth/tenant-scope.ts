import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SchoolDirectory, type Actor } from '@rowan/access';
import { enterTenantScope, type TenantScopeArgs } from '@rowan/adapters/persistence/tenant-filter';

/** Limits every read of the request's entity manager to the schools and trusts the actor belongs to. */
@Injectable()
export class TenantScope {
  constructor(
    private readonly em: EntityManager,
    private readonly directory: SchoolDirectory,
  ) {}

  /** The schools and trusts the actor's memberships reach (a trust-wide role reaches each school of the trust). */
  async of(actor: Actor): Promise<TenantScopeArgs> {
    const trustIds = [...new Set(actor.memberships.filter((m) => m.schoolId === null).map((m) => m.trustId))];
    const trustSchools = trustIds.length ? await this.directory.schoolsOf(trustIds) : [];
    const schoolIds = new Set<string>(trustSchools.map((s) => s.id));
    actor.memberships.forEach((m) => m.schoolId && schoolIds.add(m.schoolId));
    return { schoolIds: [...schoolIds], trustIds, operator: actor.operator };
  }

  enter(scope: TenantScopeArgs): void {
    enterTenantScope(this.em, scope);
  }
}
