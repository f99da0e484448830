import type { Actor, Role } from '@rowan/access';
import {
  InMemoryAuditTrail,
  InMemoryUnitOfWork,
  SequentialIdGenerator,
  TEST_START,
  anActor,
} from '@rowan/access/testing';
import { FixedClock, type SchoolId, type TrustId } from '@rowan/kernel';
import { School } from '../domain/school';
import { Trust } from '../domain/trust';
import { InMemorySchoolRepository } from './in-memory-school.repository';
import { InMemoryTrustRepository } from './in-memory-trust.repository';

/** The directory context wired to fakes. Make a fresh one in each test; `given*` stores data as if already there. */
export class DirectoryTestbed {
  readonly clock = new FixedClock(TEST_START);
  readonly ids = new SequentialIdGenerator();
  readonly uow = new InMemoryUnitOfWork();
  readonly audit = new InMemoryAuditTrail(this.uow, this.clock, this.ids);
  readonly trusts = new InMemoryTrustRepository(this.uow);
  readonly schools = new InMemorySchoolRepository(this.uow);
  private nextUrn = 100001;

  givenTrust(name = 'Oak Learning Trust'): Trust {
    const trust = new Trust(this.ids.next() as TrustId, name, TEST_START);
    this.trusts.seed(trust);
    return trust;
  }

  givenSchool(trust: Trust, options: { name?: string; urn?: string } = {}): School {
    const urn = options.urn ?? String(this.nextUrn++);
    const school = new School(
      this.ids.next() as SchoolId,
      trust.id,
      options.name ?? `School ${urn}`,
      urn,
      TEST_START,
    );
    this.schools.seed(school);
    return school;
  }

  operator(): Actor {
    return anActor(this.ids, { operator: true });
  }

  trustAdminOf(trust: Trust): Actor {
    return anActor(this.ids, { memberships: [{ role: 'trust_admin', trustId: trust.id, schoolId: null }] });
  }

  staffAt(school: School, role: Role = 'school_admin'): Actor {
    return anActor(this.ids, { memberships: [{ role, trustId: school.trustId, schoolId: school.id }] });
  }

  /** Signed in, but a member nowhere. */
  stranger(): Actor {
    return anActor(this.ids);
  }
}
