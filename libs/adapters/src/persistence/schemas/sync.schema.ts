import { EntitySchema } from '@mikro-orm/core';
import { DirectoryImport, MisConnection, SyncRun } from '@rowan/directory';

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

export const DirectoryImportSchema = new EntitySchema<DirectoryImport>({
  class: DirectoryImport,
  tableName: 'directory_imports',
  indexes: [{ properties: ['schoolId', 'id'] }, { properties: ['status', 'expiresAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    status: { type: 'string', length: 10 },
    files: { type: 'json' },
    records: { type: 'json', nullable: true, lazy: true },
    preview: { type: 'json' },
    basisRunId: { type: 'string', length: 36, nullable: true },
    uploadedBy: { type: 'string', length: 36 },
    uploadedAt: { type: 'datetime', length: 3 },
    expiresAt: { type: 'datetime', length: 3 },
    appliedAt: { type: 'datetime', length: 3, nullable: true },
    runId: { type: 'string', length: 36, nullable: true },
  },
});
