import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { checkQuestions, type ConsentQuestion } from '../../domain/consent';
import { EventConflict } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { ConsentStore } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';
import { ConsentRenewal } from './consent-forms.service';
import { toConsentFormView, type ConsentFormView } from './consent.view';

/**
 * Staff replace a draft or published event's consent form (an empty list removes it). Changing the form of a
 * published event makes the consents given stale, and their parents are asked again.
 */
@Injectable()
export class SaveConsentFormUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly consents: ConsentStore,
    private readonly renewal: ConsentRenewal,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    questions: readonly ConsentQuestion[];
  }): Promise<ConsentFormView> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    if (event.status === 'cancelled') {
      throw new EventConflict('A cancelled event’s form cannot change', 'EVENTS.NOT_EDITABLE');
    }
    checkQuestions(input.questions);
    const before = await this.consents.formOf(event.id);
    const changed = JSON.stringify(before?.questions ?? []) !== JSON.stringify(input.questions);
    const now = this.clock.now();
    const form = {
      eventId: event.id,
      schoolId: school.id,
      questions: input.questions,
      reconsentMessageId: before?.reconsentMessageId ?? null,
      updatedAt: now,
    };
    const stale = await this.uow.transaction(async () => {
      await this.consents.saveForm(form);
      const pupils = changed && event.status === 'published' ? await this.renewal.markStale(event, now) : [];
      this.audit.record(input.actor.userId, {
        action: 'event.consent_form_saved',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Saved the consent form of “${event.title}” (${input.questions.length} questions)`,
        before: { questions: before?.questions.length ?? 0 },
        after: { questions: input.questions.length, consentsMadeStale: pupils.length },
      });
      return pupils;
    });
    await this.renewal.askAgain(input.actor, event, stale);
    return toConsentFormView(event.id, await this.consents.formOf(event.id));
  }
}
