/** What a provider said to a send: taken (with its reference), or a permanent refusal for this address. */
export type SendOutcome =
  | { readonly outcome: 'sent'; readonly providerRef: string; readonly segments?: number }
  | { readonly outcome: 'opted_out'; readonly code: string }
  | { readonly outcome: 'rejected'; readonly code: string; readonly reason: string };

export interface OutgoingSms {
  readonly to: string;
  readonly body: string;
  /** Our delivery id, for correlation (the status callback URL carries it too). */
  readonly reference: string;
}

export interface OutgoingEmail {
  readonly to: string;
  readonly fromName: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly reference: string;
}

/**
 * Sends texts. Transient trouble (rate limits, outages) is thrown as a DomainError of kind `unavailable`, for the
 * queue to retry with back-off; a refusal for this number is an outcome.
 */
export abstract class SmsSender {
  abstract send(sms: OutgoingSms): Promise<SendOutcome>;
  /**
   * After a crash between handing a text over and recording it: the reference of a text already sent to `to`
   * with this body since `since`, if the provider has one (so it is not sent twice).
   */
  abstract findSent(to: string, body: string, since: Date): Promise<string | null>;
}

/** Sends email; as SmsSender for errors. */
export abstract class EmailSender {
  abstract send(email: OutgoingEmail): Promise<SendOutcome>;
}
