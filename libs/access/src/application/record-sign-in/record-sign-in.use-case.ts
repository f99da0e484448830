import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, type SchoolId, type TrustId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { AuditTrail } from '../ports/audit-trail';
import { SignInLedger } from '../ports/sign-in-ledger';

/** A sign-in session as the identity provider's tokens name it. */
export interface SignInSession {
  /** The provider's session id (`sid`) or, without one, when the person authenticated (`auth_time`). */
  readonly key: string;
  /** `auth_time`, when the token says. */
  readonly signedInAt: Date | null;
  /** When the token presented expires. */
  readonly expiresAt: Date;
}

export interface RecordSignInInput {
  readonly actor: Actor;
  readonly session: SignInSession;
}

export type RecordSignInResult =
  { readonly status: 'recorded'; readonly records: number } | { readonly status: 'known' };

/**
 * Refreshed tokens carry the same session for as long as the refresh token lives (FusionAuth: 30 days by
 * default), so a session is remembered that long past the token that first showed it.
 */
const REMEMBER_MS = 31 * 24 * 3600_000;

/**
 * Records `session.signed_in` the first time Rowan sees a sign-in session: one record in each school the person
 * belongs to (one trust-wide record for a trust-wide role, a platform record for an operator with no
 * membership). The ledger's claim and the records commit together, so a session is recorded exactly once.
 */
@Injectable()
export class RecordSignInUseCase {
  constructor(
    private readonly ledger: SignInLedger,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, session }: RecordSignInInput): Promise<RecordSignInResult> {
    const scopes = scopesOf(actor);
    if (scopes.length === 0) {
      return { status: 'known' };
    }
    const now = this.clock.now();
    const signedInAt = session.signedInAt ?? now;
    const key = createHash('sha256').update(`${actor.userId}\n${session.key}`).digest('hex');
    return this.uow.transaction(async () => {
      const first = await this.ledger.claim({
        key,
        userId: actor.userId,
        signedInAt,
        keepUntil: new Date(Math.max(session.expiresAt.getTime(), now.getTime()) + REMEMBER_MS),
      });
      if (!first) {
        return { status: 'known' } as const;
      }
      for (const scope of scopes) {
        this.audit.record(actor.userId, {
          action: 'session.signed_in',
          trustId: scope.trustId,
          schoolId: scope.schoolId,
          targetType: 'user',
          targetId: actor.userId,
          summary: actor.mfa ? 'Signed in (with multi-factor authentication)' : 'Signed in',
          after: { signedInAt: signedInAt.toISOString(), mfa: actor.mfa },
        });
      }
      return { status: 'recorded', records: scopes.length } as const;
    });
  }
}

interface AuditScope {
  readonly trustId: TrustId | null;
  readonly schoolId: SchoolId | null;
}

/** Each school once, each trust-wide role once; an operator with no membership signs in to the platform. */
function scopesOf(actor: Actor): AuditScope[] {
  const scopes = new Map<string, AuditScope>();
  for (const m of actor.memberships) {
    scopes.set(m.schoolId ?? `trust:${m.trustId}`, { trustId: m.trustId, schoolId: m.schoolId });
  }
  if (scopes.size === 0 && actor.operator) {
    scopes.set('platform', { trustId: null, schoolId: null });
  }
  return [...scopes.values()];
}
