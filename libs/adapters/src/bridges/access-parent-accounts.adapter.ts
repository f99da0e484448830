import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GrantParentAccessUseCase } from '@rowan/access';
import { ParentAccounts } from '@rowan/directory';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';

/**
 * The directory asks the access context, through its public use case, for a parent account. Resolved when first
 * used rather than injected: AccessModule already imports DirectoryModule (for schools), so a constructor
 * dependency here would make the two modules import each other.
 */
@Injectable()
export class AccessParentAccounts extends ParentAccounts {
  private useCase?: GrantParentAccessUseCase;

  constructor(private readonly modules: ModuleRef) {
    super();
  }

  grant(request: {
    invitedBy: UserId;
    trustId: TrustId;
    schoolId: SchoolId;
    contactId: string;
    email: string;
    givenName: string;
    familyName: string;
  }): Promise<{ userId: UserId; alreadyInvited: boolean }> {
    this.useCase ??= this.modules.get(GrantParentAccessUseCase, { strict: false });
    return this.useCase.execute(request);
  }
}
