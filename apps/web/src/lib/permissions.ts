import type { components } from '../api/schema';

/** A permission name, as the API declares them (GET /api/v1/me lists each membership's). */
export type Permission = components['schemas']['MyMembershipDto']['permissions'][number];

/**
 * Whether the person's role where they are working allows this. The API decides; this only keeps the UI from
 * offering what would be refused. Permissions come from /api/v1/me, so the web app keeps no copy of the table.
 */
export function can(
  holder: { readonly permissions: readonly Permission[] } | null | undefined,
  permission: Permission,
): boolean {
  return holder?.permissions.includes(permission) ?? false;
}
