import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { RegisterStore, type RegisterLine } from '../ports/register.store';
import { registerSession } from './take-register.use-case';

/** One register: every confirmed booking with its mark, if made. */
@Injectable()
export class GetRegisterUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly registers: RegisterStore,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    sessionAt: Date | null;
  }): Promise<RegisterLine[]> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    return this.registers.register(event.id, registerSession(event, input.sessionAt));
  }
}

export interface SessionParticipation {
  readonly sessionAt: Date;
  readonly booked: number;
  readonly attended: number;
  readonly absent: number;
  /** Attended over booked, 0 to 1; null before the register is taken. */
  readonly attendanceRate: number | null;
}

export interface Participation {
  readonly eventId: string;
  readonly booked: number;
  readonly attended: number;
  readonly registersTaken: number;
  /** Attended over booked places on the registers taken; null before any is. */
  readonly attendanceRate: number | null;
  /** A club's sessions in order; a trip has one. */
  readonly sessions: SessionParticipation[];
}

const rate = (attended: number, booked: number) => (booked ? attended / booked : 0);

/** Booked, attended and the attendance rate of an event, by session for a club. */
@Injectable()
export class GetParticipationUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly registers: RegisterStore,
  ) {}

  async execute(input: { actor: Actor; schoolId: SchoolId; eventId: string }): Promise<Participation> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    const booked = await this.registers.countConfirmed(event.id);
    const tallies = new Map((await this.registers.tallies(event.id)).map((t) => [t.sessionAt.getTime(), t]));
    const starts = event.kind === 'club' ? event.sessions.map((s) => new Date(s)) : [event.startsAt];
    const sessions = starts.map((at) => {
      const t = tallies.get(at.getTime());
      return {
        sessionAt: at,
        booked,
        attended: t?.present ?? 0,
        absent: t?.absent ?? 0,
        attendanceRate: t ? rate(t.present, booked) : null,
      };
    });
    const taken = sessions.filter((s) => s.attendanceRate !== null);
    const attended = taken.reduce((n, s) => n + s.attended, 0);
    return {
      eventId: event.id,
      booked,
      attended,
      registersTaken: taken.length,
      attendanceRate: taken.length ? rate(attended, booked * taken.length) : null,
      sessions,
    };
  }
}
