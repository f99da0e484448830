import { EntitySchema } from '@mikro-orm/core';
import { School, Trust } from '@rowan/directory';

export const TrustSchema = new EntitySchema<Trust>({
  class: Trust,
  tableName: 'trusts',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200 },
    createdAt: { type: 'datetime', length: 3 },
  },
});

export const SchoolSchema = new EntitySchema<School>({
  class: School,
  tableName: 'schools',
  indexes: [{ properties: ['trustId'] }],
  uniques: [{ properties: ['urn'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    trustId: { type: 'string', length: 36 },
    name: { type: 'string', length: 200 },
    urn: { type: 'string', length: 6 },
    createdAt: { type: 'datetime', length: 3 },
  },
});
