import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { NotFound, type SchoolId } from '@rowan/kernel';
import { DirectoryConflict } from '../../domain/directory.errors';
import { ContactAccounts, ParentAccounts } from '../ports/parent-accounts';
import { SchoolRepository } from '../ports/school.repository';
import { schoolFor } from '../school-scope';

export interface ParentInvitationView {
  readonly contactId: string;
  readonly userId: string;
  readonly email: string;
  readonly alreadyInvited: boolean;
}

/**
 * Office staff invite a contact to the parent app by the first email the MIS holds for them. The identity
 * provider emails them a link to set a password; on first sign-in they see their own children.
 */
@Injectable()
export class InviteParentUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly contacts: ContactAccounts,
    private readonly accounts: ParentAccounts,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly contactId: string;
  }): Promise<ParentInvitationView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'parents:invite');
    const contact = await this.contacts.findContact(school.id, input.contactId);
    if (!contact) {
      throw new NotFound('Contact');
    }
    const email = contact.emails[0];
    if (!email) {
      throw new DirectoryConflict(
        'The MIS holds no email address for this contact; add one there first',
        'DIRECTORY.CONTACT_HAS_NO_EMAIL',
      );
    }
    const { userId, alreadyInvited } = await this.accounts.grant({
      invitedBy: input.actor.userId,
      trustId: school.trustId,
      schoolId: school.id,
      contactId: contact.id,
      email,
      givenName: contact.forename,
      familyName: contact.surname,
    });
    if (contact.userId !== userId) {
      await this.contacts.link(school.id, contact.id, userId);
    }
    return { contactId: contact.id, userId, email, alreadyInvited };
  }
}
