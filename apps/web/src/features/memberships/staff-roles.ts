import type { Role, StaffRole } from '../../api/types';
import type { SelectOption } from '../../ui/types';

/** Roles a school can give its staff (trust admins are appointed by the trust). */
export const STAFF_ROLE_OPTIONS: readonly SelectOption<StaffRole>[] = [
  { value: 'school_admin', label: 'School admin' },
  { value: 'office', label: 'Office' },
  { value: 'teacher', label: 'Teacher' },
];

export function isStaffRole(role: Role): role is StaffRole {
  return STAFF_ROLE_OPTIONS.some((o) => o.value === role);
}
