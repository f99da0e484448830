import type { Actor } from '@rowan/access';
import type { SchoolId } from '@rowan/kernel';

export interface Invitation {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly eventId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly pupilIds: readonly string[];
}

export interface ConsentRequest extends Invitation {
  /** When the change was made: one message per change. */
  readonly changedAt: Date;
}

export interface AppointmentCancellation extends Invitation {
  readonly appointmentId: string;
  readonly teacher: string;
  /** When the appointment would have begun. */
  readonly at: Date;
}

export interface BalanceReminder extends Invitation {
  /** The earliest date a balance among these is due, if any has one. */
  readonly dueBy: Date | null;
  /** One reminder a day at most: the day it is sent for. */
  readonly day: string;
}

/** Tells parents about events, as tracked messages; answers the message's id. */
export abstract class Notifier {
  /** The invited pupils' parents: they may book. */
  abstract inviteParents(invitation: Invitation): Promise<{ readonly messageId: string }>;
  /** The parents of pupils who had a booking (or a place on the waiting list): the event is off. */
  abstract tellCancelled(cancellation: Invitation): Promise<{ readonly messageId: string }>;
  /** The child's parents: the office cancelled a parents' evening appointment (usually at a parent's call). */
  abstract tellAppointmentCancelled(
    cancellation: AppointmentCancellation,
  ): Promise<{ readonly messageId: string }>;
  /** The parents of children with a confirmed place and money still to pay: please pay it. */
  abstract remindToPay(reminder: BalanceReminder): Promise<{ readonly messageId: string }>;
  /** The parents who consented: the trip or its form changed, so please confirm consent again. */
  abstract askConsentAgain(request: ConsentRequest): Promise<{ readonly messageId: string }>;
}
