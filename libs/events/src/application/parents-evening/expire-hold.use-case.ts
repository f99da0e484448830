import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { EventJobs } from '../ports/event-jobs';
import { EventRepository } from '../ports/event.repository';
import { ParentsEveningStore } from '../ports/parents-evening.store';

export interface ExpireHoldInput {
  readonly eventId: string;
  readonly appointmentId: string;
  readonly attempt: number;
}

export type ExpireHoldResult =
  { readonly status: 'released' } | { readonly status: 'not_due' } | { readonly status: 'nothing_to_do' };

/**
 * The worker's: a hold not confirmed in time gives its slot back, whether or not anyone is looking at the evening.
 * Idempotent: a hold already confirmed, cancelled or released is left alone; a job that runs early checks again at
 * the hold's expiry.
 */
@Injectable()
export class ExpireEveningHoldUseCase {
  constructor(
    private readonly evenings: ParentsEveningStore,
    private readonly events: EventRepository,
    private readonly jobs: EventJobs,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ExpireHoldInput): Promise<ExpireHoldResult> {
    const hold = await this.evenings.appointment(input.eventId, input.appointmentId);
    const event = hold ? await this.events.findForWorker(hold.eventId) : null;
    if (!hold || !event || hold.state !== 'held' || !hold.holdExpiresAt) {
      return { status: 'nothing_to_do' };
    }
    const now = this.clock.now();
    if (hold.holdExpiresAt.getTime() > now.getTime()) {
      await this.jobs.expireHold(
        { eventId: hold.eventId, appointmentId: hold.id },
        hold.holdExpiresAt,
        input.attempt + 1,
      );
      return { status: 'not_due' };
    }
    return this.uow.transaction(async (): Promise<ExpireHoldResult> => {
      if (!(await this.evenings.releaseHold(hold.id, now))) {
        return { status: 'nothing_to_do' };
      }
      this.audit.record(null, {
        action: 'appointment.hold_expired',
        trustId: event.trustId,
        schoolId: event.schoolId,
        targetType: 'appointment',
        targetId: hold.id,
        summary: `A slot held at “${event.title}” was not confirmed in time and is free again`,
        before: { state: 'held', slotId: hold.slotId, pupilId: hold.pupilId, staffId: hold.staffId },
        after: { state: 'released' },
      });
      return { status: 'released' };
    });
  }
}
