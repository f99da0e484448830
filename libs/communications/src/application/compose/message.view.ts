import type { Message } from '../../domain/message';

export type MessageView = Pick<
  Message,
  | 'id'
  | 'schoolId'
  | 'audience'
  | 'content'
  | 'policy'
  | 'status'
  | 'scheduledFor'
  | 'estimate'
  | 'createdBy'
  | 'createdAt'
  | 'sentAt'
  | 'heldReason'
>;

export const toMessageView = (m: Message): MessageView => ({
  id: m.id,
  schoolId: m.schoolId,
  audience: m.audience,
  content: m.content,
  policy: m.policy,
  status: m.status,
  scheduledFor: m.scheduledFor,
  estimate: m.estimate,
  createdBy: m.createdBy,
  createdAt: m.createdAt,
  sentAt: m.sentAt,
  heldReason: m.heldReason,
});
