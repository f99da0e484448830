/** How provider sends behave: bound in the context's module from configuration. */
export abstract class SendSettings {
  /**
   * A claim older than this belongs to an attempt that died (a worker killed mid-send): the next attempt may
   * take the delivery over. Longer than any provider call, and long enough for the provider's first event
   * (SES `Send`, a Twilio status callback) to show that a send which died unrecorded did go.
   */
  abstract readonly claimExpiryMs: number;
  /** Provider calls one batch makes at once. */
  abstract readonly parallelCalls: number;
}
