import type { EntityManager } from '@mikro-orm/core';

/** The schools and trusts a request may touch. Set once per request (or job) before any read. */
export interface TenantScopeArgs {
  readonly schoolIds: readonly string[];
  readonly trustIds: readonly string[];
  /** Platform operators see trusts and their schools (not their pupils, memberships or audit). */
  readonly operator: boolean;
}

export const TENANT_FILTER = 'tenant';

type Cond = Record<string, unknown>;
const NOTHING: Cond = { id: { $in: [] } };

/**
 * The second guard behind the use cases' own checks: every read of school data is limited to the request's
 * schools, and a read with no scope set returns nothing rather than everything.
 */
function tenantCondition(args: TenantScopeArgs | undefined, entityName: string): Cond {
  if (!args) {
    return NOTHING;
  }
  const schoolIds = [...args.schoolIds];
  const trustIds = [...args.trustIds];
  switch (entityName) {
    case 'School':
      return args.operator ? {} : { $or: [{ id: { $in: schoolIds } }, { trustId: { $in: trustIds } }] };
    case 'Membership':
      return {
        $or: [
          { schoolId: { $in: schoolIds } },
          args.operator ? { schoolId: null } : { schoolId: null, trustId: { $in: trustIds } },
        ],
      };
    case 'Pupil':
    case 'Contact':
    case 'PupilContact':
    case 'StaffMember':
    case 'Group':
    case 'GroupMember':
    case 'PupilCharacteristic':
    case 'SyncRun':
    case 'MisConnection':
    case 'DirectoryImport':
    case 'Message':
    case 'Event':
      return { schoolId: { $in: schoolIds } };
    case 'AuditRecord':
      return { $or: [{ schoolId: { $in: schoolIds } }, { schoolId: null, trustId: { $in: trustIds } }] };
    default:
      return NOTHING;
  }
}

export const tenantFilter = {
  name: TENANT_FILTER,
  entity: [
    'School',
    'Membership',
    'AuditRecord',
    'Pupil',
    'Contact',
    'PupilContact',
    'StaffMember',
    'Group',
    'GroupMember',
    'PupilCharacteristic',
    'SyncRun',
    'MisConnection',
    'DirectoryImport',
    'Message',
    'Event',
  ],
  default: true,
  args: false,
  cond: (
    args: TenantScopeArgs | undefined,
    _type: string,
    _em: unknown,
    _options: unknown,
    entityName?: string,
  ) => tenantCondition(args, entityName ?? ''),
};

export function enterTenantScope(em: EntityManager, args: TenantScopeArgs): void {
  em.setFilterParams(TENANT_FILTER, args);
}

/** Queries that are keyed by something other than a school (a user's own memberships, a lookup by id before
 * authorisation) pass this to skip the tenant filter. Use it only where the use case then authorises. */
export const UNSCOPED = { filters: { [TENANT_FILTER]: false } } as const;
