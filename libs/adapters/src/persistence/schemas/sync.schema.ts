import { EntitySchema } from '@mikro-orm/core';
import { MisConnection, SyncRun } from '@rowan/directory';

export const SyncRunSchema = new EntitySchema<SyncRun>({
  class: SyncRun,
  tableName: 'sync_runs',
  indexes: [{ properties: ['schoolId', 'id'] }, { properties: ['schoolId', 'status'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    source: { type: 'string', length: 10 },
    mode: { type: 'string', length: 10 },
    status: { type: 'string', length: 10 },
    phase: { type: 'string', length: 10 },
    percent: { type: 'smallint' },
    tally: { type: 'json' },
    error: { type: 'string', length: 1000, nullable: true },
    requestedBy: { type: 'string', length: 36, nullable: true },
    queuedAt: { type: 'datetime', length: 3 },
    startedAt: { type: 'datetime', length: 3, nullable: true },
    finishedAt: { type: 'datetime', length: 3, nullable: true },
    retryable: { type: 'boolean', default: false },
  },
});

export const MisConnectionSchema = new EntitySchema<MisConnection>({
  class: MisConnection,
  tableName: 'mis_connections',
  indexes: [{ properties: ['dailySyncHour'] }],
  properties: {
    schoolId: { type: 'string', primary: true, length: 36 },
    provider: { type: 'string', length: 20 },
    externalSchoolId: { type: 'string', length: 64 },
    baseUrl: { type: 'string', length: 300 },
    encryptedToken: { type: 'text' },
    dailySyncHour: { type: 'smallint' },
    lastSyncedFrom: { type: 'datetime', length: 3, nullable: true },
    updatedAt: { type: 'datetime', length: 3 },
  },
});
