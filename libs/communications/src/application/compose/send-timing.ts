import { ValidationFailed } from '@rowan/kernel';
import { isUrgent, type RoutingPolicy } from '../../domain/channel';
import type { MessageStatus } from '../../domain/message';
import type { CommunicationSettings } from '../ports/communication-settings';
import { quietHoursWait } from '../dispatch/quiet-hours';

/** What a send (or a save of an edit) asks for: now, later, or keep as a draft. */
export interface SendTiming {
  readonly policy: RoutingPolicy;
  /** Later rather than now; editable and cancellable until then. */
  readonly scheduledFor: Date | null;
  /** Keep as a draft: nothing goes. */
  readonly draft: boolean;
}

/**
 * The status a message starts in and when it goes. A time in the past is refused. A routine message sent in
 * quiet hours waits for them to end: said plainly, as a schedule.
 */
export function timingFor(
  input: SendTiming,
  now: Date,
  settings: CommunicationSettings,
): { status: Extract<MessageStatus, 'draft' | 'scheduled' | 'sending'>; scheduledFor: Date | null } {
  if (input.scheduledFor && input.scheduledFor.getTime() <= now.getTime()) {
    throw new ValidationFailed('The time to send is in the past', [
      { field: 'scheduledFor', message: 'must be in the future' },
    ]);
  }
  const quietWait =
    isUrgent(input.policy) || input.scheduledFor ? 0 : quietHoursWait(now, settings.quietHours);
  const scheduledFor = input.scheduledFor ?? (quietWait > 0 ? new Date(now.getTime() + quietWait) : null);
  return { status: input.draft ? 'draft' : scheduledFor ? 'scheduled' : 'sending', scheduledFor };
}
