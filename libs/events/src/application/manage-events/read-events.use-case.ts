import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { ConsentState } from '../../domain/consent';
import type { Eligibility } from '../../domain/eligibility';
import type { EventStatus } from '../../domain/event';
import { consentStateOf } from '../consent/consent-forms.service';
import { eventFor } from '../event-scope';
import { toEventView, type EventView } from '../event.view';
import { BookingStore, type ParticipantRow } from '../ports/booking.store';
import { ConsentStore } from '../ports/consent.store';
import { EligiblePupils, type EligiblePupil } from '../ports/eligible-pupils';
import { EventRepository } from '../ports/event.repository';

@Injectable()
export class ListEventsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    page: PageRequest;
    status?: EventStatus;
  }): Promise<Page<EventView>> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'events:read');
    const page = await this.events.listForSchool(school.id, input.page, input.status);
    return { items: page.items.map(toEventView), nextCursor: page.nextCursor };
  }
}

@Injectable()
export class GetEventUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<EventView> {
    return toEventView(
      (await eventFor(this.catalogue, this.events, input.actor, input, 'events:read')).event,
    );
  }
}

/** Who the rules pick today: for the create form's live preview (rules given) or a saved event's. */
@Injectable()
export class PreviewEligibleUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly pupils: EligiblePupils,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string | null;
    rules?: Eligibility;
  }): Promise<{ count: number; pupils: EligiblePupil[] }> {
    let rules = input.rules;
    if (input.eventId) {
      rules = (
        await eventFor(
          this.catalogue,
          this.events,
          input.actor,
          { ...input, eventId: input.eventId },
          'events:read',
        )
      ).event.eligibility;
    } else {
      await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'events:read');
    }
    const pupils = rules ? await this.pupils.resolve(input.schoolId, rules) : [];
    return { count: pupils.length, pupils };
  }
}

export interface ParticipantView extends ParticipantRow {
  readonly consent: ConsentState;
}

/** Participation: every booking of the event with the pupil's name, state and consent. */
@Injectable()
export class ListParticipantsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly consents: ConsentStore,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    page: PageRequest;
  }): Promise<Page<ParticipantView>> {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    const page = await this.bookings.participants(school.id, event.id, input.page);
    const hasForm = !!(await this.consents.formOf(event.id))?.questions.length;
    const given = hasForm ? await this.consents.ofBookings(page.items.map((p) => p.bookingId)) : [];
    return {
      items: page.items.map((p) => ({
        ...p,
        consent: consentStateOf(
          hasForm,
          given.filter((c) => c.bookingId === p.bookingId),
        ),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
