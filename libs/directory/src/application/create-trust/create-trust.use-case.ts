import { Injectable } from '@nestjs/common';
import { AuditTrail, NotPermitted, type Actor } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork, type TrustId } from '@rowan/kernel';
import { Trust } from '../../domain/trust';
import { TrustRepository } from '../ports/trust.repository';
import { toTrustView, type TrustView } from '../views';

/** Operators onboard a trust; its first trust admin is then invited to it. */
@Injectable()
export class CreateTrustUseCase {
  constructor(
    private readonly trusts: TrustRepository,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: { readonly actor: Actor; readonly name: string }): Promise<TrustView> {
    if (!input.actor.can('trusts:create')) {
      throw new NotPermitted('Only platform operators can create trusts');
    }
    const trust = new Trust(this.ids.next() as TrustId, input.name.trim(), this.clock.now());
    this.trusts.add(trust);
    this.audit.record(input.actor.userId, {
      action: 'trust.created',
      trustId: trust.id,
      schoolId: null,
      targetType: 'trust',
      targetId: trust.id,
      summary: `Created trust ${trust.name}`,
      after: { name: trust.name },
    });
    await this.uow.commit();
    return toTrustView(trust);
  }
}
