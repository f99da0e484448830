import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type UserId } from '@rowan/kernel';
import { IdentityProvider } from '../ports/identity-provider';
import { UserRepository } from '../ports/user.repository';

export type ProvisionIdentityResult =
  { status: 'provisioned'; subject: string } | { status: 'already_linked' } | { status: 'no_such_user' };

/** Worker job: make sure an invited person has an identity-provider account. Safe to run more than once. */
@Injectable()
export class ProvisionIdentityUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly identityProvider: IdentityProvider,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly userId: UserId }): Promise<ProvisionIdentityResult> {
    const user = await this.users.findById(input.userId);
    if (!user) {
      return { status: 'no_such_user' };
    }
    if (user.identitySubject !== null) {
      return { status: 'already_linked' };
    }
    const { subject } = await this.identityProvider.ensureUser({
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
    });
    user.linkIdentity(subject, this.clock.now());
    await this.uow.commit();
    return { status: 'provisioned', subject };
  }
}
