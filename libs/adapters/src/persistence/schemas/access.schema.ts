import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { AuditRecord, Membership, User } from '@rowan/access';

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  uniques: [{ properties: ['email'] }, { properties: ['identitySubject'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    email: { type: 'string', length: 320 },
    givenName: { type: 'string', length: 100 },
    familyName: { type: 'string', length: 100 },
    identitySubject: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
  },
});

export const MembershipSchema = new EntitySchema<Membership>({
  class: Membership,
  tableName: 'memberships',
  uniques: [{ name: 'memberships_user_scope_unique', properties: ['userId', 'scopeKey'] }],
  indexes: [{ properties: ['schoolId', 'id'] }, { properties: ['trustId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    userId: { type: 'string', length: 36 },
    trustId: { type: 'string', length: 36 },
    schoolId: { type: 'string', length: 36, nullable: true },
    // The database keeps one membership per person per scope, even under concurrent invitations.
    scopeKey: { type: 'string', length: 36 },
    role: { type: 'string', length: 20 },
    status: { type: 'string', length: 10 },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
  },
});

export const AuditRecordSchema = new EntitySchema<AuditRecord>({
  class: AuditRecord,
  tableName: 'audit_records',
  indexes: [
    { properties: ['schoolId', 'id'] },
    { properties: ['trustId', 'id'] },
    { properties: ['actorId'] },
    { properties: ['schoolId', 'chainSeq'] },
    { name: 'audit_records_unsealed_index', properties: ['chainSeq', 'at'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    at: { type: 'datetime', length: 3 },
    actorId: { type: 'string', length: 36, nullable: true },
    action: { type: 'string', length: 64 },
    trustId: { type: 'string', length: 36, nullable: true },
    schoolId: { type: 'string', length: 36, nullable: true },
    targetType: { type: 'string', length: 40 },
    targetId: { type: 'string', length: 64 },
    summary: { type: 'string', length: 500 },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
    requestId: { type: 'string', length: 64, nullable: true },
    // Written once by the sealer (raw SQL), never by a flush: see MikroOrmAuditChains.
    chainSeq: { type: new BigIntType('number'), nullable: true },
    prevHash: { type: 'string', columnType: 'char(64)', nullable: true },
    hash: { type: 'string', columnType: 'char(64)', nullable: true },
  },
});
