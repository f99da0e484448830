import { Injectable } from '@nestjs/common';
import { AuditTrail, authorize, type Actor } from '@rowan/access';
import { Clock, IdGenerator, NotFound, UnitOfWork, type SchoolId, type TrustId } from '@rowan/kernel';
import { DirectoryConflict } from '../../domain/directory.errors';
import { School } from '../../domain/school';
import { SchoolRepository } from '../ports/school.repository';
import { TrustRepository } from '../ports/trust.repository';
import { toSchoolView, type SchoolView } from '../views';

export interface CreateSchoolInput {
  readonly actor: Actor;
  readonly trustId: TrustId;
  readonly name: string;
  readonly urn: string;
}

@Injectable()
export class CreateSchoolUseCase {
  constructor(
    private readonly trusts: TrustRepository,
    private readonly schools: SchoolRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: CreateSchoolInput): Promise<SchoolView> {
    const trust = await this.trusts.findById(input.trustId);
    if (!trust) {
      throw new NotFound('Trust');
    }
    authorize(input.actor, 'schools:create', { trustId: trust.id }, 'Trust');
    const urn = School.validateUrn(input.urn);
    if (await this.schools.findByUrn(urn)) {
      throw new DirectoryConflict('A school with this URN is already on Rowan', 'DIRECTORY.URN_TAKEN', 'urn');
    }
    const school = new School(
      this.ids.next() as SchoolId,
      trust.id,
      input.name.trim(),
      urn,
      this.clock.now(),
    );
    this.schools.add(school);
    this.audit.record(input.actor.userId, {
      action: 'school.created',
      trustId: trust.id,
      schoolId: school.id,
      targetType: 'school',
      targetId: school.id,
      summary: `Added ${school.name} (URN ${urn}) to ${trust.name}`,
      after: { name: school.name, urn },
    });
    await this.uow.commit();
    return toSchoolView(school);
  }
}
