import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import type { ConsentState } from '../../domain/consent';
import type { SchoolEvent } from '../../domain/event';
import { ConsentStore, type ConsentRecord } from '../ports/consent.store';
import { Notifier } from '../ports/notifier';

/** Where a booking's consent stands, from its event's form and the answers given for it. */
export function consentStateOf(hasForm: boolean, consents: readonly ConsentRecord[]): ConsentState {
  if (!hasForm) {
    return 'not_needed';
  }
  if (!consents.length) {
    return 'missing';
  }
  return consents.some((c) => !c.stale) ? 'given' : 'stale';
}

/** Asking again: consents go stale when a trip's key details or its form change, and the families are told. */
@Injectable()
export class ConsentRenewal {
  constructor(
    private readonly consents: ConsentStore,
    private readonly notifier: Notifier,
  ) {}

  /** In the caller's transaction; answers the pupils whose parents must consent again. */
  markStale(event: SchoolEvent, at: Date): Promise<string[]> {
    return this.consents.markStale(event.id, at);
  }

  /** After the commit: one tracked message to those pupils' parents, linked from the form. */
  async askAgain(actor: Actor, event: SchoolEvent, pupilIds: readonly string[]): Promise<void> {
    if (!pupilIds.length) {
      return;
    }
    const { messageId } = await this.notifier.askConsentAgain({
      actor,
      schoolId: event.schoolId,
      eventId: event.id,
      title: event.title,
      startsAt: event.startsAt,
      pupilIds,
      changedAt: event.updatedAt,
    });
    await this.consents.recordReconsentMessage(event.id, messageId);
  }
}
