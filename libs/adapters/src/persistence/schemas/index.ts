import { AuditRecordSchema, MembershipSchema, UserSchema } from './access.schema';
import { SchoolSchema, TrustSchema } from './directory.schema';
import {
  ContactSchema,
  GroupMemberSchema,
  GroupSchema,
  PupilCharacteristicSchema,
  PupilContactSchema,
  PupilSchema,
  StaffMemberSchema,
} from './people.schema';
import { DirectoryImportSchema, MisConnectionSchema, SyncRunSchema } from './sync.schema';
import { MessageSchema } from './communications.schema';
import { EventSchema } from './events.schema';

export * from './access.schema';
export * from './directory.schema';
export * from './people.schema';
export * from './sync.schema';
export * from './communications.schema';
export * from './events.schema';

/** Every mapped entity. New contexts add theirs here. */
export const ENTITY_SCHEMAS = [
  TrustSchema,
  SchoolSchema,
  UserSchema,
  MembershipSchema,
  AuditRecordSchema,
  PupilSchema,
  ContactSchema,
  PupilContactSchema,
  StaffMemberSchema,
  GroupSchema,
  GroupMemberSchema,
  PupilCharacteristicSchema,
  SyncRunSchema,
  MisConnectionSchema,
  DirectoryImportSchema,
  MessageSchema,
  EventSchema,
];
