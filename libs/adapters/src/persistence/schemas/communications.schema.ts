import { EntitySchema } from '@mikro-orm/core';
import { Message } from '@rowan/communications';

/** Messages as entities; recipients and deliveries are a ledger written in bulk (see mikro-orm-delivery-ledger). */
export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'messages',
  indexes: [
    { properties: ['schoolId', 'id'] },
    { properties: ['status', 'scheduledFor'] },
    { properties: ['schoolId', 'sentAt'] },
  ],
  uniques: [{ name: 'messages_idempotency_unique', properties: ['schoolId', 'idempotencyKey'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    trustId: { type: 'string', length: 36 },
    audience: { type: 'json' },
    content: { type: 'json' },
    policy: { type: 'string', length: 10 },
    status: { type: 'string', length: 20 },
    scheduledFor: { type: 'datetime', length: 3, nullable: true },
    estimate: { type: 'json', nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
    sentAt: { type: 'datetime', length: 3, nullable: true },
    approvedBy: { type: 'string', length: 36, nullable: true },
    heldReason: { type: 'string', length: 300, nullable: true },
    idempotencyKey: { type: 'string', length: 100, nullable: true },
  },
});
