import { Injectable } from '@nestjs/common';
import type { SchoolId } from '@rowan/kernel';
import type { MessageStatus } from '../../domain/message';
import { AudienceResolver } from '../audience/audience-resolver';
import { CommunicationSettingsStore } from '../ports/communication-settings';
import { messageProblems, refuseProblems, type MessageInput } from './message-input';
import { timingFor, type SendTiming } from './send-timing';

/** What a new or edited message may be recorded as, once it passes the checks. */
export interface Admitted {
  readonly status: Extract<MessageStatus, 'draft' | 'scheduled' | 'sending'>;
  readonly scheduledFor: Date | null;
}

/**
 * The rules a message meets before it is recorded, new or edited: its content and merge fields, and an
 * audience the school can send to (an event selector names one of its published trips or clubs), with every
 * field at fault named at once; then when it goes, by the school's quiet hours.
 */
@Injectable()
export class ComposeRules {
  constructor(
    private readonly settings: CommunicationSettingsStore,
    private readonly audiences: AudienceResolver,
  ) {}

  async admit(schoolId: SchoolId, input: MessageInput & SendTiming, now: Date): Promise<Admitted> {
    refuseProblems([...messageProblems(input), ...(await this.audiences.problems(schoolId, input.audience))]);
    return timingFor(input, now, await this.settings.forSchool(schoolId));
  }
}
