import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, type SchoolId } from '@rowan/kernel';
import { EventNotFound } from '../../domain/events.errors';
import { eventFor } from '../event-scope';
import { EventRepository } from '../ports/event.repository';
import { ParentsEveningStore, type AppointmentRow } from '../ports/parents-evening.store';
import { ParentEveningReader } from './parent-evening.reader';
import { bookedByOthers } from './parents-evening-access';
import {
  toAppointmentView,
  type MyParentsEveningView,
  type ParentsEveningView,
} from './parents-evening.view';

interface StaffInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly eventId: string;
}

/** Staff see an evening's teachers, windows and the slot grid with who booked. */
@Injectable()
export class GetParentsEveningUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly evenings: ParentsEveningStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: StaffInput): Promise<ParentsEveningView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    const setup = event.kind === 'parents_evening' ? await this.evenings.setup(event.id) : null;
    if (!setup) {
      throw EventNotFound();
    }
    await this.evenings.releaseExpired(event.id, this.clock.now());
    const names = new Map((await this.evenings.teachers(event.id)).map((t) => [t.staffId, t.name]));
    return {
      eventId: event.id,
      title: event.title,
      status: event.status,
      slotMinutes: setup.slotMinutes,
      mode: setup.mode,
      videoLink: setup.videoLink,
      separateBookings: setup.separateBookings,
      teachers: setup.teachers.map((t) => ({ ...t, name: names.get(t.staffId) ?? '' })),
      slots: await this.evenings.grid(event.id),
    };
  }
}

/** A teacher's appointment list for an evening (or every teacher's, for the office), in time order. */
@Injectable()
export class ListEveningAppointmentsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly evenings: ParentsEveningStore,
  ) {}

  async execute(input: StaffInput & { readonly staffId: string | null }): Promise<AppointmentRow[]> {
    const { school, event } = await eventFor(this.catalogue, this.events, input.actor, input, 'events:read');
    if (event.kind !== 'parents_evening') {
      throw EventNotFound();
    }
    return this.evenings.appointments(school.id, event.id, input.staffId);
  }
}

/** A parent sees each invited child's teachers, the free slots and what they hold or booked. */
@Injectable()
export class GetMyParentsEveningUseCase {
  constructor(
    private readonly reader: ParentEveningReader,
    private readonly evenings: ParentsEveningStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: Actor; eventId: string }): Promise<MyParentsEveningView> {
    const ctx = await this.reader.read(input.actor, input.eventId);
    await this.evenings.releaseExpired(ctx.event.id, this.clock.now());
    const needs = await this.evenings.needsOf(
      ctx.event.id,
      ctx.children.map((c) => c.id),
    );
    const names = new Map((await this.evenings.teachers(ctx.event.id)).map((t) => [t.staffId, t.name]));
    const family = bookedByOthers(
      ctx,
      input.actor.userId,
      await this.evenings.ofPupils(
        ctx.event.id,
        ctx.children.map((c) => c.id),
      ),
    );
    return {
      eventId: ctx.event.id,
      title: ctx.event.title,
      mode: ctx.setup.mode,
      videoLink: ctx.setup.videoLink,
      children: ctx.children.map((c) => ({
        pupilId: c.id,
        forename: c.forename,
        teachers: needs
          .filter((n) => n.pupilId === c.id)
          .map((n) => ({ staffId: n.staffId, name: names.get(n.staffId) ?? '' })),
      })),
      freeSlots: await this.evenings.freeSlots(ctx.event.id),
      appointments: (await this.evenings.mine(ctx.event.id, input.actor.userId)).map(toAppointmentView),
      bookedByOthers: family.map((a) => ({
        pupilId: a.pupilId,
        staffId: a.staffId,
        state: a.state,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
      })),
    };
  }
}
