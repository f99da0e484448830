import type { ConsentAnswer, ConsentQuestion, ConsentState } from '../../domain/consent';
import type { ConsentFormRecord } from '../ports/consent.store';

export interface ConsentFormView {
  readonly eventId: string;
  readonly questions: readonly ConsentQuestion[];
  readonly reconsentMessageId: string | null;
  readonly updatedAt: Date | null;
}

export interface GuardianConsentView {
  readonly guardianId: string;
  readonly givenAt: Date;
  readonly stale: boolean;
  readonly answers: readonly ConsentAnswer[];
}

export interface BookingConsentView {
  readonly bookingId: string;
  readonly state: ConsentState;
  readonly questions: readonly ConsentQuestion[];
  readonly consents: readonly GuardianConsentView[];
}

export function toConsentFormView(eventId: string, form: ConsentFormRecord | null): ConsentFormView {
  return {
    eventId,
    questions: form?.questions ?? [],
    reconsentMessageId: form?.reconsentMessageId ?? null,
    updatedAt: form?.updatedAt ?? null,
  };
}
