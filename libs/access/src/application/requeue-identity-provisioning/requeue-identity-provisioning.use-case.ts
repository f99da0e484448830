import { Injectable } from '@nestjs/common';
import { AccessJobs } from '../ports/access-jobs';
import { UserRepository } from '../ports/user.repository';

/**
 * Scheduled safety net: an invitation is stored before its provisioning job is queued, so a crash in between
 * would leave a person without an account. This re-queues them; job ids make a repeat harmless.
 */
@Injectable()
export class RequeueIdentityProvisioningUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly jobs: AccessJobs,
  ) {}

  async execute(input: { readonly limit: number }): Promise<{ queued: number }> {
    const pending = await this.users.findUnprovisioned(input.limit);
    for (const user of pending) {
      await this.jobs.provisionIdentity(user.id);
    }
    return { queued: pending.length };
  }
}
