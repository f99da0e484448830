import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { NotFound, type SchoolId } from '@rowan/kernel';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { StaffingStore } from '../ports/staffing.store';
import { clashing, timesOf, toSchedule, type ScheduleItem } from './staff-schedule.view';

/** Who is on an event, each with the clashes of their own schedule. */
@Injectable()
export class ListEventStaffUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly staffing: StaffingStore,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<ScheduleItem[]> {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    const assigned = await this.staffing.forEvent(school.id, event.id);
    const items: ScheduleItem[] = [];
    for (const a of assigned) {
      const theirs = await this.staffing.scheduleOf(school.id, a.staffId);
      const clashes = clashing(a.eventId, timesOf(a), theirs).map((c) => c.eventId);
      items.push({ ...toSchedule([a])[0]!, clashesWith: [...new Set(clashes)] });
    }
    return items;
  }
}

/** A member of staff's schedule, as staff with events:read at the school see it. */
@Injectable()
export class StaffScheduleUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly staffing: StaffingStore,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; staffId: string }): Promise<ScheduleItem[]> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'events:read');
    if (!(await this.staffing.staffMember(school.id, input.staffId))) {
      throw new NotFound('Staff member', 'EVENTS.STAFF_NOT_FOUND');
    }
    return toSchedule(await this.staffing.scheduleOf(school.id, input.staffId));
  }
}

/**
 * The signed-in member of staff's own schedule: the directory staff records with their email, in the schools
 * where they may read events. Empty for someone with no staff record.
 */
@Injectable()
export class MyScheduleUseCase {
  constructor(private readonly staffing: StaffingStore) {}

  async execute(input: { actor: Actor }): Promise<ScheduleItem[]> {
    const schools = input.actor.memberships
      .filter(
        (m) => m.schoolId && input.actor.can('events:read', { trustId: m.trustId, schoolId: m.schoolId }),
      )
      .map((m) => m.schoolId!);
    if (!schools.length || !input.actor.email) {
      return [];
    }
    const records = await this.staffing.staffByEmail(schools, input.actor.email);
    const all = await Promise.all(records.map((r) => this.staffing.scheduleOf(r.schoolId, r.id)));
    return toSchedule(all.flat());
  }
}
