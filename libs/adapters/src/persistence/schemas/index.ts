import { AuditRecordSchema, MembershipSchema, UserSchema } from './access.schema';
import { SchoolSchema, TrustSchema } from './directory.schema';

export * from './access.schema';
export * from './directory.schema';

/** Every mapped entity. New contexts add theirs here. */
export const ENTITY_SCHEMAS = [TrustSchema, SchoolSchema, UserSchema, MembershipSchema, AuditRecordSchema];
