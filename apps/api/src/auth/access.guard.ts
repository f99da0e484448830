import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import {
  NotAuthenticated,
  NotPermitted,
  ResolveActorUseCase,
  type Permission,
  type VerifiedIdentity,
} from '@rowan/access';
import { ActorCache, type ResolvedAccess } from './actor-cache';
import { SignInSessions } from './sign-in-sessions';
import { TenantScope } from './tenant-scope';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, type AuthenticatedRequest } from './decorators';

/**
 * The global guard: verify the token, resolve the actor from Rowan's memberships (or take them from the
 * ActorCache), record a new sign-in session in the audit log, set the request's tenant scope, and check the route's declared permission. Routes declaring
 * nothing are refused (default deny).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolveActor: ResolveActorUseCase,
    private readonly tenantScope: TenantScope,
    private readonly actors: ActorCache,
    private readonly signIns: SignInSessions,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      throw new NotPermitted('This route declares no permission', 'ACCESS.ROUTE_NOT_DECLARED');
    }
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { user?: VerifiedIdentity }>();
    if (!request.user) {
      throw new NotAuthenticated('A bearer token is required');
    }
    const { actor, scope } = await this.access(request.user);
    // The first request of a sign-in session records it (once, across instances); later ones cost nothing.
    await this.signIns.notice(actor, request.user.session);
    request.actor = actor;
    this.tenantScope.enter(scope);
    if (!actor.can(permission)) {
      throw new NotPermitted(`Your role does not allow ${permission.replace(':', ' ')}`);
    }
    return true;
  }

  /** The actor and their tenant scope: from this instance's cache, or resolved from the database and cached. */
  private async access(identity: VerifiedIdentity): Promise<ResolvedAccess> {
    const cached = this.actors.get(identity);
    if (cached) {
      return cached;
    }
    const mark = this.actors.mark();
    const actor = await this.resolveActor.execute(identity);
    const access = { actor, scope: await this.tenantScope.of(actor) };
    this.actors.put(identity, access, mark);
    return access;
  }

  /** Any failure to verify a token (bad signature, unknown key, expired, wrong audience) is a 401. */
  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error || !user) {
      const reason =
        info instanceof Error ? info.message : error instanceof Error ? error.message : 'missing token';
      throw new NotAuthenticated(`The access token was not accepted: ${reason}`);
    }
    return user;
  }
}
