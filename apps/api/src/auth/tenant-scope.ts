import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SchoolDirectory, type Actor } from '@rowan/access';
import { enterTenantScope } from '@rowan/adapters/persistence/tenant-filter';

/** Limits every read of the request's entity manager to the schools and trusts the actor belongs to. */
@Injectable()
export class TenantScope {
  constructor(
    private readonly em: EntityManager,
    private readonly directory: SchoolDirectory,
  ) {}

  async enter(actor: Actor): Promise<void> {
    const trustIds = [...new Set(actor.memberships.filter((m) => m.schoolId === null).map((m) => m.trustId))];
    const trustSchools = trustIds.length ? await this.directory.schoolsOf(trustIds) : [];
    const schoolIds = new Set<string>(trustSchools.map((s) => s.id));
    actor.memberships.forEach((m) => m.schoolId && schoolIds.add(m.schoolId));
    enterTenantScope(this.em, { schoolIds: [...schoolIds], trustIds, operator: actor.operator });
  }
}
