import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import { SignInLedger } from '../ports/sign-in-ledger';

const BATCH = 1_000;

/** Forgets sign-in sessions no token can still show (the audit records of them stay). */
@Injectable()
export class ForgetSignInSessionsUseCase {
  constructor(
    private readonly ledger: SignInLedger,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ readonly forgotten: number }> {
    const now = this.clock.now();
    let forgotten = 0;
    for (;;) {
      const n = await this.ledger.forgetExpired(now, BATCH);
      forgotten += n;
      if (n < BATCH) {
        return { forgotten };
      }
    }
  }
}
