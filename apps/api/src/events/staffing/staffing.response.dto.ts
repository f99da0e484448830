import { ApiProperty } from '@nestjs/swagger';
import {
  EVENT_KINDS,
  STAFF_ROLES_ON_EVENTS,
  type AssignStaffResult,
  type Participation,
  type RegisterLine,
  type ScheduleItem,
  type SessionParticipation,
} from '@rowan/events';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export class TimeSpanDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class ScheduleItemDto {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: string;
  @ApiProperty({ enum: STAFF_ROLES_ON_EVENTS }) role!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null: the whole event' })
  sessionAt!: string | null;
  @ApiProperty({ type: [TimeSpanDto] }) times!: TimeSpanDto[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Other events whose times overlap' })
  clashesWith!: string[];

  static from(i: ScheduleItem): ScheduleItemDto {
    return {
      assignmentId: i.assignmentId,
      eventId: i.eventId,
      staffId: i.staffId,
      staffName: i.staffName,
      title: i.title,
      kind: i.kind,
      role: i.role,
      sessionAt: iso(i.sessionAt),
      times: i.times.map((t) => ({ startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() })),
      clashesWith: [...i.clashesWith],
    };
  }
}

export class ScheduleDto {
  @ApiProperty({ type: [ScheduleItemDto] }) items!: ScheduleItemDto[];

  static from(items: readonly ScheduleItem[]): ScheduleDto {
    return { items: items.map(ScheduleItemDto.from) };
  }
}

export class AssignStaffResultDto {
  @ApiProperty({ type: ScheduleItemDto }) assignment!: ScheduleItemDto;
  @ApiProperty({ type: [ScheduleItemDto], description: 'Overlapping assignments: flagged, not refused' })
  clashes!: ScheduleItemDto[];

  static from(r: AssignStaffResult): AssignStaffResultDto {
    return { assignment: ScheduleItemDto.from(r.assignment), clashes: r.clashes.map(ScheduleItemDto.from) };
  }
}

export class RegisterLineDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null: not marked yet' }) present!:
    boolean | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) markedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) markedAt!: string | null;
}

export class RegisterDto {
  @ApiProperty({ type: [RegisterLineDto] }) lines!: RegisterLineDto[];

  static from(lines: readonly RegisterLine[]): RegisterDto {
    return {
      lines: lines.map((l) => ({
        bookingId: l.bookingId,
        pupilId: l.pupilId,
        forename: l.forename,
        surname: l.surname,
        present: l.present,
        markedBy: l.markedBy,
        markedAt: iso(l.markedAt),
      })),
    };
  }
}

export class SessionParticipationDto {
  @ApiProperty({ format: 'date-time' }) sessionAt!: string;
  @ApiProperty() booked!: number;
  @ApiProperty() attended!: number;
  @ApiProperty() absent!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0 to 1; null before the register is taken' })
  attendanceRate!: number | null;

  static from(s: SessionParticipation): SessionParticipationDto {
    return { ...s, sessionAt: s.sessionAt.toISOString() };
  }
}

export class ParticipationDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'Confirmed bookings' }) booked!: number;
  @ApiProperty({ description: 'Present marks over the registers taken' }) attended!: number;
  @ApiProperty() registersTaken!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0 to 1; null before any register' })
  attendanceRate!: number | null;
  @ApiProperty({ type: [SessionParticipationDto], description: 'A club’s sessions; a trip has one' })
  sessions!: SessionParticipationDto[];

  static from(p: Participation): ParticipationDto {
    return {
      eventId: p.eventId,
      booked: p.booked,
      attended: p.attended,
      registersTaken: p.registersTaken,
      attendanceRate: p.attendanceRate,
      sessions: p.sessions.map(SessionParticipationDto.from),
    };
  }
}
