import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/**
 * Stricter limits than the API-wide one, per signed-in user (per address without a session), shared by all
 * the routes of one policy and set in configuration:
 * - `booking`: a family's booking writes (book, cancel, accept an offer, pay, consent, evening slots);
 *   RATE_LIMIT_BOOKING_PER_MINUTE.
 * - `accounts`: what creates or links accounts or checks a credential (invitations, an MIS token);
 *   RATE_LIMIT_ACCOUNTS_PER_MINUTE.
 */
export type RateLimitPolicy = 'booking' | 'accounts';

export const RATE_LIMIT_POLICY = 'rowan:rate-limit';

export const RateLimit = (policy: RateLimitPolicy) =>
  applyDecorators(SetMetadata(RATE_LIMIT_POLICY, policy), ApiExtension('x-rowan-rate-limit', policy));
