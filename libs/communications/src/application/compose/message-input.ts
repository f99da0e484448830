import { ValidationFailed, type FieldError } from '@rowan/kernel';
import { channelsFor, type RoutingPolicy } from '../../domain/channel';
import type { AudienceSpec, MessageContent } from '../../domain/message';
import { unknownMergeFields } from '../../domain/merge-fields';
import { smsSegments } from '../../domain/sms-segments';

export interface MessageInput {
  readonly audience: AudienceSpec;
  readonly content: MessageContent;
  readonly policy: RoutingPolicy;
}

const MAX_SMS_SEGMENTS = 6;

/** Content for every channel the policy may use, known merge fields, and texts of a sensible length. */
export function messageProblems(input: MessageInput): FieldError[] {
  const errors: FieldError[] = [];
  const need = channelsFor(input.policy);
  const { app, email, sms } = input.content;
  if (need.includes('app') && !app) {
    errors.push({ field: 'content.app', message: 'An app title and body are needed for this routing' });
  }
  if (need.includes('email') && !email) {
    errors.push({ field: 'content.email', message: 'An email subject and body are needed for this routing' });
  }
  if (need.includes('sms') && !sms) {
    errors.push({ field: 'content.sms', message: 'SMS text is needed for this routing' });
  }
  const texts: Array<[string, string | undefined]> = [
    ['content.app.title', app?.title],
    ['content.app.body', app?.body],
    ['content.email.subject', email?.subject],
    ['content.email.html', email?.html],
    ['content.email.text', email?.text],
    ['content.sms.text', sms?.text],
  ];
  for (const [field, text] of texts) {
    const unknown = text === undefined ? [] : unknownMergeFields(text);
    if (unknown.length) {
      errors.push({ field, message: `Unknown merge field ${unknown.map((u) => `{{${u}}}`).join(', ')}` });
    }
  }
  if (sms && smsSegments(sms.text).segments > MAX_SMS_SEGMENTS) {
    errors.push({
      field: 'content.sms.text',
      message: `SMS text is longer than ${MAX_SMS_SEGMENTS} segments`,
    });
  }
  return errors;
}

/** Refuses a message with any problem, every field at fault named at once. */
export function refuseProblems(errors: readonly FieldError[]): void {
  if (errors.length) {
    throw new ValidationFailed('The message cannot be sent as it is', [...errors]);
  }
}
