import { ApiProperty } from '@nestjs/swagger';
import {
  EVENING_MODES,
  type AppointmentRow,
  type AppointmentView,
  type BookForMeResult,
  type EveningSlot,
  type MyParentsEveningView,
  type ParentsEveningView,
  type SlotGridRow,
} from '@rowan/events';

const STATES = ['held', 'confirmed'];
/** An appointment as answered to its maker: `cancelled` only in the answer to a cancellation. */
const ANSWER_STATES = [...STATES, 'cancelled'];

class RangeDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}
const range = (r: { from: Date; to: Date }): RangeDto => ({
  from: r.from.toISOString(),
  to: r.to.toISOString(),
});

class EveningTeacherDto {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) groupIds!: string[];
  @ApiProperty({ type: [RangeDto] }) windows!: RangeDto[];
  @ApiProperty({ type: [RangeDto] }) breaks!: RangeDto[];
}

export class EveningSlotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;

  static from(s: EveningSlot): EveningSlotDto {
    return {
      id: s.id,
      staffId: s.staffId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    };
  }
}

class SlotTakenDto {
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty({ enum: STATES }) state!: string;
}

class GridSlotDto extends EveningSlotDto {
  @ApiProperty({ type: SlotTakenDto, nullable: true }) appointment!: SlotTakenDto | null;
}

export class ParentsEveningDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() slotMinutes!: number;
  @ApiProperty({ enum: EVENING_MODES }) mode!: string;
  @ApiProperty({ nullable: true, type: String }) videoLink!: string | null;
  @ApiProperty() separateBookings!: boolean;
  @ApiProperty({ type: [EveningTeacherDto] }) teachers!: EveningTeacherDto[];
  @ApiProperty({ type: [GridSlotDto] }) slots!: GridSlotDto[];

  static from(v: ParentsEveningView): ParentsEveningDto {
    return {
      eventId: v.eventId,
      title: v.title,
      status: v.status,
      slotMinutes: v.slotMinutes,
      mode: v.mode,
      videoLink: v.videoLink,
      separateBookings: v.separateBookings,
      teachers: v.teachers.map((t) => ({
        staffId: t.staffId,
        name: t.name,
        groupIds: [...t.groupIds],
        windows: t.windows.map(range),
        breaks: t.breaks.map(range),
      })),
      slots: v.slots.map((s: SlotGridRow) => ({
        ...EveningSlotDto.from(s),
        appointment: s.appointment ? { pupilId: s.appointment.pupilId, state: s.appointment.state } : null,
      })),
    };
  }
}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty({ enum: ANSWER_STATES }) state!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) holdExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;

  static from(a: AppointmentView): AppointmentDto {
    return {
      id: a.id,
      slotId: a.slotId,
      staffId: a.staffId,
      pupilId: a.pupilId,
      state: a.state,
      holdExpiresAt: a.holdExpiresAt?.toISOString() ?? null,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
    };
  }
}

export class AppointmentListDto {
  @ApiProperty({ type: [AppointmentDto] }) items!: AppointmentDto[];
}

class TeacherDto {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
}

class FamilyAppointmentDto {
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

class EveningChildDto {
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty({ type: [TeacherDto] }) teachers!: TeacherDto[];
}

export class MyParentsEveningDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: EVENING_MODES }) mode!: string;
  @ApiProperty({ nullable: true, type: String }) videoLink!: string | null;
  @ApiProperty({ type: [EveningChildDto] }) children!: EveningChildDto[];
  @ApiProperty({ type: [EveningSlotDto] }) freeSlots!: EveningSlotDto[];
  @ApiProperty({ type: [AppointmentDto] }) appointments!: AppointmentDto[];
  @ApiProperty({
    type: [FamilyAppointmentDto],
    description:
      'Appointments another parent or carer booked for these children under the family’s one booking per teacher',
  })
  bookedByOthers!: FamilyAppointmentDto[];

  static from(v: MyParentsEveningView): MyParentsEveningDto {
    return {
      eventId: v.eventId,
      title: v.title,
      mode: v.mode,
      videoLink: v.videoLink,
      children: v.children.map((c) => ({
        pupilId: c.pupilId,
        forename: c.forename,
        teachers: c.teachers.map((t) => ({ staffId: t.staffId, name: t.name })),
      })),
      freeSlots: v.freeSlots.map(EveningSlotDto.from),
      appointments: v.appointments.map(AppointmentDto.from),
      bookedByOthers: v.bookedByOthers.map((a) => ({
        pupilId: a.pupilId,
        staffId: a.staffId,
        state: a.state,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
      })),
    };
  }
}

class UnfittedDto {
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() teacherName!: string;
}

export class BookForMeDto {
  @ApiProperty({ enum: ['booked', 'unfitted'] }) status!: string;
  @ApiProperty({ type: [AppointmentDto], description: 'What was booked (none when unfitted)' })
  appointments!: AppointmentDto[];
  @ApiProperty({ type: [UnfittedDto], description: 'Teachers who could not be fitted; nothing was booked' })
  unfitted!: UnfittedDto[];

  static from(r: BookForMeResult): BookForMeDto {
    return r.status === 'booked'
      ? { status: r.status, appointments: r.appointments.map(AppointmentDto.from), unfitted: [] }
      : {
          status: r.status,
          appointments: [],
          unfitted: r.unfitted.map((u) => ({
            pupilId: u.pupilId,
            staffId: u.staffId,
            teacherName: u.teacherName,
          })),
        };
  }
}

class TeacherAppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() teacherName!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() pupilName!: string;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class TeacherAppointmentListDto {
  @ApiProperty({ type: [TeacherAppointmentDto] }) items!: TeacherAppointmentDto[];

  static from(rows: readonly AppointmentRow[]): TeacherAppointmentListDto {
    return {
      items: rows.map((r) => ({
        id: r.id,
        staffId: r.staffId,
        teacherName: r.teacherName,
        pupilId: r.pupilId,
        pupilName: r.pupilName,
        state: r.state,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
      })),
    };
  }
}
