import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor, Permission } from '@rowan/access';

export const PUBLIC_ROUTE = 'rowan:public';
export const REQUIRED_PERMISSION = 'rowan:permission';

/** A route anyone may call without a token (health, metrics). Everything else requires one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The permission a route needs. Every authenticated route declares one; the guard refuses routes that do not
 * (default deny). Use cases check it again against the object's school.
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiExtension('x-rowan-permission', permission),
  );

export interface AuthenticatedRequest {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) {
    throw new Error('CurrentActor used on a route without authentication');
  }
  return actor;
});
