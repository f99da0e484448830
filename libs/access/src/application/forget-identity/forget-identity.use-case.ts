import { Injectable } from '@nestjs/common';
import { IdentityProvider } from '../ports/identity-provider';
import { UserRepository } from '../ports/user.repository';

export type ForgetIdentityResult = { status: 'deleted' } | { status: 'still_linked' };

/**
 * Worker job: deletes an identity-provider account that no Rowan user is linked to any more (a parent
 * anonymised by retention, the people of a school whose data was destroyed). If a user is still linked to it
 * (the change that unlinked it was rolled back, or the person was linked again), it is left alone. Idempotent.
 */
@Injectable()
export class ForgetIdentityUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly identityProvider: IdentityProvider,
  ) {}

  async execute(input: { readonly subject: string }): Promise<ForgetIdentityResult> {
    if (await this.users.findByIdentitySubject(input.subject)) {
      return { status: 'still_linked' };
    }
    await this.identityProvider.deleteUser(input.subject);
    return { status: 'deleted' };
  }
}
