import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SignInLedger, type SignInClaim } from '@rowan/access';
import { runSql } from '../directory/bulk-sql';

/**
 * `sign_in_sessions`, keyed by the session: the first insert wins; a concurrent one waits on the key's lock and
 * then finds it taken (or free, if the first rolled back). Runs in the caller's transaction, so the claim lands
 * with the audit records it licenses, or not at all.
 */
@Injectable()
export class MikroOrmSignInLedger extends SignInLedger {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async claim(claim: SignInClaim): Promise<boolean> {
    const inserted = await runSql(
      this.em,
      'insert ignore into sign_in_sessions (session_key, user_id, signed_in_at, expires_at) values (?, ?, ?, ?)',
      [claim.key, claim.userId, claim.signedInAt, claim.keepUntil],
    );
    return inserted === 1;
  }

  forgetExpired(now: Date, limit: number): Promise<number> {
    return runSql(this.em, 'delete from sign_in_sessions where expires_at < ? order by expires_at limit ?', [
      now,
      limit,
    ]);
  }
}
