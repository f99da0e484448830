import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, IdGenerator, NotFound, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { EventConflict } from '../../domain/events.errors';
import { spansOf, type EventStaffRole } from '../../domain/staffing';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { StaffingStore } from '../ports/staffing.store';
import { clashing, toSchedule, type ScheduleItem } from './staff-schedule.view';

export interface AssignStaffResult {
  readonly assignment: ScheduleItem;
  /** The member of staff's other assignments that overlap this one: flagged, not refused. */
  readonly clashes: ScheduleItem[];
}

/** Staff put a member of staff on an event, or on one of a club's sessions, as lead or helper. */
@Injectable()
export class AssignStaffUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly staffing: StaffingStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: {
    readonly actor: Actor;
    readonly schoolId: SchoolId;
    readonly eventId: string;
    readonly staffId: string;
    readonly role: EventStaffRole;
    readonly sessionAt: Date | null;
  }): Promise<AssignStaffResult> {
    const { school, event } = await eventFor(
      this.catalogue,
      this.events,
      input.actor,
      input,
      'events:manage',
    );
    if (event.status === 'cancelled') {
      throw new EventConflict('The event is cancelled', 'EVENTS.EVENT_CANCELLED');
    }
    const member = await this.staffing.staffMember(school.id, input.staffId);
    if (!member) {
      throw new NotFound('Staff member', 'EVENTS.STAFF_NOT_FOUND');
    }
    const times = spansOf(event, input.sessionAt);
    const now = this.clock.now();
    const stored = await this.uow.transaction(async () => {
      const saved = await this.staffing.assign({
        id: this.ids.next(),
        schoolId: school.id,
        eventId: event.id,
        staffId: member.id,
        sessionAt: input.sessionAt,
        role: input.role,
        assignedBy: input.actor.userId,
        createdAt: now,
      });
      this.audit.record(input.actor.userId, {
        action: 'event.staff_assigned',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'event',
        targetId: event.id,
        summary: `Assigned ${member.forename} ${member.surname} as ${input.role} to “${event.title}”`,
        after: { staffId: member.id, role: input.role, sessionAt: input.sessionAt?.toISOString() ?? null },
      });
      return saved;
    });
    const schedule = await this.staffing.scheduleOf(school.id, member.id);
    const items = toSchedule(schedule);
    const mine = items.find((i) => i.assignmentId === stored.id);
    const clashIds = new Set(clashing(event.id, times, schedule).map((c) => c.id));
    if (!mine) {
      throw new NotFound('Assignment');
    }
    return { assignment: mine, clashes: items.filter((i) => clashIds.has(i.assignmentId)) };
  }
}
