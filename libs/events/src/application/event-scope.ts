import type { Actor, Permission } from '@rowan/access';
import type { SchoolCatalogue, SchoolSummary } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import type { SchoolEvent } from '../domain/event';
import { EventNotFound } from '../domain/events.errors';
import type { EventRepository } from './ports/event.repository';

/** An event of the school, once the actor may do this there; 404 for an event that is not the school's. */
export async function eventFor(
  catalogue: SchoolCatalogue,
  events: EventRepository,
  actor: Actor,
  input: { readonly schoolId: SchoolId; readonly eventId: string },
  permission: Permission,
): Promise<{ school: SchoolSummary; event: SchoolEvent }> {
  const school = await catalogue.authorizedSchool(actor, input.schoolId, permission);
  const event = await events.findForSchool(school.id, input.eventId);
  if (!event) {
    throw EventNotFound();
  }
  return { school, event };
}
