import { Injectable } from '@nestjs/common';
import { RecordSignInUseCase, type Actor, type SignInSession } from '@rowan/access';

const MAX_KNOWN = 50_000;

/**
 * Notices new sign-in sessions for the audit log. The sessions this instance has already seen (recorded here,
 * or found recorded by another instance) are remembered in memory until their token expires, so a request of a
 * known session costs nothing; the first request of a session on each instance costs one insert, which the
 * database turns into exactly one `session.signed_in` per school however many instances race. Requests of one
 * new session arriving together share that one insert.
 */
@Injectable()
export class SignInSessions {
  private readonly known = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly record: RecordSignInUseCase) {}

  async notice(actor: Actor, session: SignInSession | undefined, now = Date.now()): Promise<void> {
    if (!session) {
      return;
    }
    const key = `${actor.userId}\n${session.key}`;
    const until = this.known.get(key);
    if (until !== undefined && until > now) {
      return;
    }
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.record
        .execute({ actor, session })
        .then(() => this.remember(key, session.expiresAt.getTime()))
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    await running;
  }

  private remember(key: string, until: number): void {
    if (this.known.size >= MAX_KNOWN) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.known.keys().next();
      if (!oldest.done) {
        this.known.delete(oldest.value);
      }
    }
    this.known.set(key, until);
  }
}
