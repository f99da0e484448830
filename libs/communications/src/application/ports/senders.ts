import type { MergeField } from '../../domain/merge-fields';

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

/**
 * One email to many recipients, each with their own merge fields: the message's templates (subject, HTML and
 * text with `{{forename}}`-style fields, as composed) and each recipient's values.
 */
export interface OutgoingBulkEmail {
  readonly fromName: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly entries: ReadonlyArray<{
    readonly to: string;
    readonly reference: string;
    readonly fields: Readonly<Record<MergeField, string>>;
  }>;
}

/** A bulk entry's fate: as a single send's, or `retry` when the provider could not take that one now. */
export type BulkSendOutcome = SendOutcome | { readonly outcome: 'retry'; readonly reason: string };

/** Sends email; as SmsSender for errors. */
export abstract class EmailSender {
  /** The most recipients one `sendBulk` call takes. */
  abstract readonly bulkLimit: number;
  abstract send(email: OutgoingEmail): Promise<SendOutcome>;
  /** One call for up to `bulkLimit` recipients; an outcome per entry, in order. Throws as `send` does. */
  abstract sendBulk(email: OutgoingBulkEmail): Promise<BulkSendOutcome[]>;
}
