import { NotFound } from '@rowan/kernel';
import type { Actor, Scope } from './actor';
import { NotPermitted } from './access.errors';
import type { Permission } from './permission';

/**
 * The one authorisation rule: an actor who does not belong to the scope is told the object does not exist
 * (404, no existence oracle); one who belongs but lacks the permission is refused (403).
 */
export function authorize(actor: Actor, permission: Permission, scope: Scope, what = 'School'): void {
  if (!actor.canSee(scope)) {
    throw new NotFound(what);
  }
  if (!actor.can(permission, scope)) {
    throw new NotPermitted(`Your role does not allow ${permission.replace(':', ' ')} here`);
  }
}
