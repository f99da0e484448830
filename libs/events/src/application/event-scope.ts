import { authorize, type Actor, type Permission } from '@rowan/access';
import type { SchoolCatalogue, SchoolSummary } from '@rowan/directory';
import { NotFound, type SchoolId } from '@rowan/kernel';
import type { SchoolEvent } from '../domain/event';
import { EventNotFound } from '../domain/events.errors';
import type { EventRepository } from './ports/event.repository';

/** The school, if the actor may do this there: 404 when it is not theirs, 403 when their role does not allow it. */
export async function schoolFor(
  catalogue: SchoolCatalogue,
  actor: Actor,
  schoolId: SchoolId,
  permission: Permission,
): Promise<SchoolSummary> {
  const school = await catalogue.school(schoolId);
  if (!school) {
    throw new NotFound('School');
  }
  authorize(actor, permission, { trustId: school.trustId, schoolId: school.id });
  return school;
}

/** An event of the school, once the actor may do this there; 404 for an event that is not the school's. */
export async function eventFor(
  catalogue: SchoolCatalogue,
  events: EventRepository,
  actor: Actor,
  input: { readonly schoolId: SchoolId; readonly eventId: string },
  permission: Permission,
): Promise<{ school: SchoolSummary; event: SchoolEvent }> {
  const school = await schoolFor(catalogue, actor, input.schoolId, permission);
  const event = await events.findForSchool(school.id, input.eventId);
  if (!event) {
    throw EventNotFound();
  }
  return { school, event };
}
