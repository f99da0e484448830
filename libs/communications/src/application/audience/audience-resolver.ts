import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldError, type SchoolId } from '@rowan/kernel';
import { directoryAudience, eventRuleOf } from '../../domain/audience';
import type { AudienceSpec } from '../../domain/message';
import type { Recipient } from '../../domain/recipient';
import { AudienceDirectory } from '../ports/audience-directory';
import { EventInvitees, type InviteeLookup } from '../ports/event-invitees';

const FIELD = 'audience.eventInvitees';

/** What is wrong with an event selector, by the request field at fault; nothing when it can be read. */
function problems(found: InviteeLookup): FieldError[] {
  switch (found.status) {
    case 'found':
      return [];
    case 'unknown_event':
      return [{ field: `${FIELD}.eventId`, message: 'is not a published trip or club of this school' }];
    case 'no_consent_form':
      return [{ field: `${FIELD}.invitees`, message: 'this event has no consent form to be outstanding' }];
  }
}

/**
 * An audience's recipients. The directory answers the years, groups, named pupils and characteristics; an
 * event selector is first asked of the events context (through the `EventInvitees` port), and the pupils it
 * picks join the named ones. Staff compose against `check` (a bad event is refused, naming the field); the send
 * resolves leniently, as the event may have changed since: an event it can no longer read picks nobody.
 */
@Injectable()
export class AudienceResolver {
  constructor(
    private readonly directory: AudienceDirectory,
    private readonly invitees: EventInvitees,
  ) {}

  /** The audience's problems for a request, by field: none when it can be sent to. */
  async problems(schoolId: SchoolId, audience: AudienceSpec): Promise<FieldError[]> {
    const rule = eventRuleOf(audience);
    return rule ? problems(await this.invitees.find(schoolId, rule)) : [];
  }

  /** For the composer's live figures: refuses an audience with a bad event selector. */
  async resolveChecked(schoolId: SchoolId, audience: AudienceSpec): Promise<Recipient[]> {
    return this.recipients(schoolId, audience, true);
  }

  /** The school's name, as the recipients' merge fields give it. */
  schoolName(schoolId: SchoolId): Promise<string> {
    return this.directory.schoolName(schoolId);
  }

  /** At send time: whatever the audience picks now. */
  async resolve(schoolId: SchoolId, audience: AudienceSpec): Promise<Recipient[]> {
    return this.recipients(schoolId, audience, false);
  }

  private async recipients(
    schoolId: SchoolId,
    audience: AudienceSpec,
    strict: boolean,
  ): Promise<Recipient[]> {
    const rule = eventRuleOf(audience);
    let invited: readonly string[] = [];
    if (rule) {
      const found = await this.invitees.find(schoolId, rule);
      const wrong = problems(found);
      if (strict && wrong.length) {
        throw new ValidationFailed('The audience names an event whose invitees cannot be reached', wrong);
      }
      invited = found.status === 'found' ? found.pupilIds : [];
    }
    const rules = directoryAudience(audience, invited);
    return rules ? this.directory.resolve(schoolId, rules) : [];
  }
}
