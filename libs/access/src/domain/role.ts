export const ROLES = ['trust_admin', 'school_admin', 'office', 'teacher', 'parent', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Roles held across a whole trust rather than at one school. */
export const TRUST_ROLES: readonly Role[] = ['trust_admin'];

/** Roles a school may grant to its staff through an invitation. */
export const INVITABLE_STAFF_ROLES = ['school_admin', 'office', 'teacher'] as const;
export type InvitableStaffRole = (typeof INVITABLE_STAFF_ROLES)[number];

/** Staff roles must show multi-factor authentication in their token. */
export const STAFF_ROLES: readonly Role[] = ['trust_admin', 'school_admin', 'office', 'teacher'];

/** How each role reads to people (audit summaries, messages). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  trust_admin: 'Trust administrator',
  school_admin: 'School administrator',
  office: 'Office',
  teacher: 'Teacher',
  parent: 'Parent',
  integration: 'Integration',
};

/** Who appears in a school's staff list: everyone but parents. */
export const SCHOOL_STAFF_ROLES: readonly Role[] = ['school_admin', 'office', 'teacher', 'integration'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isInvitableStaffRole(value: string): value is InvitableStaffRole {
  return (INVITABLE_STAFF_ROLES as readonly string[]).includes(value);
}
