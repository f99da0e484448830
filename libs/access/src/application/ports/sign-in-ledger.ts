/** A sign-in session the audit log has recorded, kept for a while after its tokens stop being accepted. */
export interface SignInClaim {
  /** A fixed-length key for (user, session). */
  readonly key: string;
  readonly userId: string;
  readonly signedInAt: Date;
  readonly keepUntil: Date;
}

/** Which sign-in sessions are already in the audit log, shared by every API instance. */
export abstract class SignInLedger {
  /**
   * Claims the session for recording, inside the caller's transaction: true for exactly one caller, however
   * many instances ask at once (the others wait for it and get false, or true if it rolled back).
   */
  abstract claim(claim: SignInClaim): Promise<boolean>;

  /** Forgets up to `limit` sessions kept until before `now`; answers how many. */
  abstract forgetExpired(now: Date, limit: number): Promise<number>;
}
