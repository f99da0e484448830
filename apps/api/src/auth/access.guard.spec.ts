import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { NotPermitted, type ResolveActorUseCase } from '@rowan/access';
import { AccessGuard } from './access.guard';
import { Public } from './decorators';
import type { ActorCache } from './actor-cache';
import type { SignInSessions } from './sign-in-sessions';
import type { TenantScope } from './tenant-scope';

@Controller('probe')
class ProbeController {
  @Get('forgot') undeclared(): void {}
  @Get('open') @Public() open(): void {}
}

/** Collaborators that fail the test if the guard reaches them when it should already have decided. */
const untouchable = new Proxy(
  {},
  {
    get: (_t, name) => () => {
      throw new Error(`guard reached ${String(name)}`);
    },
  },
);

function contextFor(handler: keyof ProbeController, headers: Record<string, string> = {}) {
  return new ExecutionContextHost(
    [{ headers }, {}],
    ProbeController,
    ProbeController.prototype[handler] as never,
  );
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(
    new Reflector(),
    untouchable as ResolveActorUseCase,
    untouchable as TenantScope,
    untouchable as ActorCache,
    untouchable as SignInSessions,
  );

  it('refuses a route that declares no permission, before looking at any token (default deny)', async () => {
    await expect(guard.canActivate(contextFor('undeclared'))).rejects.toEqual(
      expect.objectContaining({ code: 'ACCESS.ROUTE_NOT_DECLARED' }),
    );
    await expect(guard.canActivate(contextFor('undeclared'))).rejects.toBeInstanceOf(NotPermitted);
  });

  it('lets a public route through without a token', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });
});
