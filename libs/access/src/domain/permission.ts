import type { Role } from './role';

/**
 * Everything a route or job may require. Every route declares one; what is not granted here is denied.
 * Naming: `<resource>:<verb>`.
 */
export const PERMISSIONS = [
  'me:read',
  'trusts:create',
  'trusts:read',
  'schools:create',
  'schools:read',
  'memberships:read',
  'memberships:manage',
  'trust_memberships:manage',
  'audit:read',
  'directory:read',
  'directory:manage',
  'parents:invite',
  'messages:read',
  'messages:send',
  'messages:approve',
  'messages:settings',
  'trust_messages:read',
  'trust_messages:settings',
  'events:read',
  'events:manage',
  'payments:read',
  'payments:refund',
  'payments:settings',
  'reports:read',
  'trust_reports:read',
  /** Leavers kept and anonymised, and the retention runs that did it. */
  'retention:read',
  /** A school's contract end (and so the destruction of its data), and the trust's deletion records. */
  'contracts:manage',
  'subject_access:export',
  'operations:queues',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Granted to anyone signed in, whatever their memberships. */
export const UNIVERSAL_PERMISSIONS: readonly Permission[] = ['me:read'];

/** Granted to the platform operator (an identity-provider role, not a school membership): onboarding trusts and
 * their schools, and the queues. Never pupils, contacts, staff lists or audit logs. */
export const OPERATOR_PERMISSIONS: readonly Permission[] = [
  'trusts:create',
  'trusts:read',
  'schools:read',
  'trust_memberships:manage',
  'operations:queues',
];

/** Least privilege per role, at the school (or, for trust roles, every school of the trust). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  trust_admin: [
    'trusts:read',
    'schools:create',
    'schools:read',
    'memberships:read',
    'memberships:manage',
    'trust_memberships:manage',
    'audit:read',
    'directory:read',
    'directory:manage',
    'parents:invite',
    'messages:read',
    'messages:send',
    'messages:approve',
    'messages:settings',
    'trust_messages:read',
    'trust_messages:settings',
    'events:read',
    'events:manage',
    'payments:read',
    'payments:refund',
    'payments:settings',
    'reports:read',
    'trust_reports:read',
    'retention:read',
    'contracts:manage',
    'subject_access:export',
  ],
  school_admin: [
    'schools:read',
    'memberships:read',
    'memberships:manage',
    'audit:read',
    'directory:read',
    'directory:manage',
    'parents:invite',
    'messages:read',
    'messages:send',
    'messages:approve',
    'messages:settings',
    'events:read',
    'events:manage',
    'payments:read',
    'payments:refund',
    'payments:settings',
    'reports:read',
    'retention:read',
    'subject_access:export',
  ],
  office: [
    'schools:read',
    'memberships:read',
    'directory:read',
    'parents:invite',
    'messages:read',
    'messages:send',
    'events:read',
    'events:manage',
    'payments:read',
    'reports:read',
  ],
  teacher: ['schools:read', 'directory:read', 'events:read'],
  parent: [],
  integration: ['schools:read', 'messages:read', 'messages:send'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
