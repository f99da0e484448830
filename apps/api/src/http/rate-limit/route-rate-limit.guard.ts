import {
  HttpException,
  HttpStatus,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConfig } from '@rowan/adapters/config/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/decorators';
import { FixedWindowCounter } from './fixed-window.counter';
import { RATE_LIMIT_POLICY, type RateLimitPolicy } from './rate-limit.decorator';

const MINUTE_MS = 60_000;

/**
 * Applies a route's policy (@RateLimit) after the AccessGuard, so the count is the signed-in user's (the
 * address's only where no one is signed in). Past the limit it answers 429 problem+json with Retry-After,
 * before the route's validation and handler run: nothing is written.
 */
@Injectable()
export class RouteRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counter: FixedWindowCounter,
    private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RateLimitPolicy | undefined>(RATE_LIMIT_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & AuthenticatedRequest>();
    const who = request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;
    const hit = await this.counter.hit(`${policy}:${who}`, MINUTE_MS);
    const max = this.maxPerMinute(policy);
    if (!hit || hit.count <= max) {
      return true;
    }
    const seconds = Math.max(1, Math.ceil(hit.msLeft / 1000));
    http
      .getResponse<FastifyReply>()
      .header('retry-after', String(seconds))
      .header('x-ratelimit-limit', String(max))
      .header('x-ratelimit-remaining', '0')
      .header('x-ratelimit-reset', String(seconds));
    throw new HttpException(
      `Too many requests: at most ${max} ${policy === 'booking' ? 'booking changes' : 'invitations or credential checks'} a minute. Try again in ${seconds} s.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private maxPerMinute(policy: RateLimitPolicy): number {
    switch (policy) {
      case 'booking':
        return this.config.RATE_LIMIT_BOOKING_PER_MINUTE;
      case 'accounts':
        return this.config.RATE_LIMIT_ACCOUNTS_PER_MINUTE;
    }
  }
}
