import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AccessJobs } from '@rowan/access';
import { IdentityForgetting } from '@rowan/compliance';

/**
 * Compliance asks the access context, through its jobs port, to delete identity-provider accounts. Resolved when
 * first used, as the other bridges into access are.
 */
@Injectable()
export class AccessIdentityForgetting extends IdentityForgetting {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async forget(subjects: readonly string[]): Promise<void> {
    const jobs = this.modules.get(AccessJobs, { strict: false });
    for (const subject of subjects) {
      await jobs.forgetIdentity(subject);
    }
  }
}
