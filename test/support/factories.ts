import type { MikroORM } from '@mikro-orm/mysql';
import { AuditRecord, Membership, User, type Role } from '@rowan/access';
import {
  Contact,
  DirectoryImport,
  emptyChange,
  emptyTally,
  Group,
  GroupMember,
  type GroupKind,
  Pupil,
  PupilContact,
  School,
  SyncRun,
  Trust,
} from '@rowan/directory';
import { Message, type MessageStatus } from '@rowan/communications';
import { SchoolEvent, type EventStatus } from '@rowan/events';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { randomInt, randomUUID } from 'node:crypto';
import { v7 } from 'uuid';

/** Builds test data straight into the run's database; every call makes new, unique rows. */
export class Factories {
  constructor(private readonly orm: MikroORM) {}

  async trust(name = `Test Trust ${randomUUID().slice(0, 8)}`): Promise<Trust> {
    return this.save(new Trust(v7() as TrustId, name, new Date()));
  }

  async school(trust: Trust, name = `Test School ${randomUUID().slice(0, 8)}`): Promise<School> {
    const urn = String(randomInt(100000, 999999));
    return this.save(new School(v7() as SchoolId, trust.id, name, urn, new Date()));
  }

  /** A person with an identity-provider subject, so the sandbox can mint their tokens. */
  async user(given = 'Test', family = `Person ${randomUUID().slice(0, 6)}`): Promise<User> {
    const subject = randomUUID();
    const email = `${subject.slice(0, 8)}@example.test`;
    return this.save(new User(v7() as UserId, email, given, family, subject, new Date(), new Date()));
  }

  async membership(user: User, role: Role, where: { school?: School; trust?: Trust }): Promise<Membership> {
    const trustId = where.school?.trustId ?? where.trust?.id;
    if (!trustId) {
      throw new Error('membership needs a school or a trust');
    }
    const membership = new Membership(
      v7(),
      user.id,
      trustId,
      where.school?.id ?? null,
      role,
      'active',
      new Date(),
      new Date(),
    );
    return this.save(membership);
  }

  /** A person with one active role; returns the user and a token-minting hint. */
  async member(
    role: Role,
    where: { school?: School; trust?: Trust },
  ): Promise<{ user: User; membership: Membership }> {
    const user = await this.user();
    const membership = await this.membership(user, role, where);
    return { user, membership };
  }

  async pupil(
    school: School,
    forename = 'Test',
    surname = `Pupil ${randomUUID().slice(0, 6)}`,
    ncYear = 4,
    email: string | null = null,
  ): Promise<Pupil> {
    const now = new Date();
    return this.save(
      new Pupil(
        v7(),
        school.id,
        `mis-${randomUUID()}`,
        null,
        forename,
        surname,
        forename,
        surname,
        '2016-05-04',
        ncYear,
        `Year ${ncYear}`,
        `${ncYear}B`,
        'on_roll',
        null,
        'fp',
        now,
        now,
        email,
      ),
    );
  }

  async contact(
    school: School,
    forename: string,
    surname: string,
    emails: string[] = [`${randomUUID().slice(0, 8)}@example.test`],
    mobiles: string[] = ['+447700900123'],
  ): Promise<Contact> {
    const now = new Date();
    return this.save(
      new Contact(
        v7(),
        school.id,
        `mis-${randomUUID()}`,
        'Ms',
        forename,
        surname,
        emails,
        mobiles,
        true,
        'fp',
        now,
        now,
      ),
    );
  }

  async link(pupil: Pupil, contact: Contact, relationship = 'Mother'): Promise<PupilContact> {
    return this.save(new PupilContact(pupil.schoolId, pupil.id, contact.id, relationship, true, 1, true));
  }

  /** An active class or group of the school, with these pupils in it. */
  async group(
    school: School,
    name = `Group ${randomUUID().slice(0, 6)}`,
    kind: GroupKind = 'registration',
    pupils: readonly Pupil[] = [],
  ): Promise<Group> {
    const now = new Date();
    const group = await this.save(
      new Group(v7(), school.id, `mis-${randomUUID()}`, kind, name, null, true, 'fp', now, now),
    );
    for (const pupil of pupils) {
      await this.save(new GroupMember(school.id, group.id, pupil.id));
    }
    return group;
  }

  async syncRun(school: School): Promise<SyncRun> {
    return this.save(
      new SyncRun(
        v7(),
        school.id,
        'wonde',
        'full',
        'succeeded',
        'done',
        100,
        emptyTally(),
        null,
        null,
        new Date(),
        new Date(),
        new Date(),
      ),
    );
  }

  /** A previewed upload of one member of staff, not applied. */
  async directoryImport(school: School, uploadedBy: UserId): Promise<DirectoryImport> {
    const staff = [
      { misId: 'S1', title: null, forename: 'Una', surname: 'Uploaded', jobTitle: null, email: null },
    ];
    return this.save(
      new DirectoryImport(
        v7(),
        school.id,
        'previewed',
        ['staff'],
        { staff },
        { pupils: emptyChange(), contacts: emptyChange(), staff: { ...emptyChange(), added: 1 } },
        null,
        uploadedBy,
        new Date(),
        new Date(Date.now() + 24 * 3600_000),
      ),
    );
  }

  /** A message to the whole school's contacts by email, in the given status (a draft by default). */
  async message(school: School, createdBy: UserId, status: MessageStatus = 'draft'): Promise<Message> {
    const now = new Date();
    return this.save(
      new Message(
        v7(),
        school.id,
        school.trustId,
        {
          kind: 'contacts',
          ncYears: [],
          groupIds: [],
          pupilIds: [],
          characteristics: [],
          contacts: 'priority',
        },
        { app: null, email: { subject: 'Walk', html: '<p>Walk</p>', text: 'Walk' }, sms: null },
        'email',
        status,
        null,
        null,
        createdBy,
        now,
        now,
      ),
    );
  }

  /** A school's messaging settings (no quiet hours by default, so tests behave the same at any hour). */
  async communicationSettings(
    school: School,
    settings: {
      fallbackAfterMinutes?: number;
      quietHours?: [number, number] | null;
      smsBudgetPence?: number | null;
      approvalThreshold?: number | null;
    } = {},
  ): Promise<void> {
    const quiet = settings.quietHours ?? null;
    await this.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into communication_settings (school_id, fallback_after_minutes, quiet_start, quiet_end, sms_budget_pence, approval_threshold, sms_segment_pence, updated_at)
         values (?, ?, ?, ?, ?, ?, 4, now(3))
         on duplicate key update fallback_after_minutes = values(fallback_after_minutes), quiet_start = values(quiet_start), quiet_end = values(quiet_end), sms_budget_pence = values(sms_budget_pence), approval_threshold = values(approval_threshold)`,
        [
          school.id,
          settings.fallbackAfterMinutes ?? 240,
          quiet?.[0] ?? null,
          quiet?.[1] ?? null,
          settings.smsBudgetPence ?? null,
          settings.approvalThreshold ?? null,
        ],
      );
  }

  /** A Year 5 trip a week ahead, in the given state. */
  async event(
    school: School,
    createdBy: UserId,
    status: EventStatus = 'draft',
    capacity = 10,
  ): Promise<SchoolEvent> {
    const now = new Date();
    const starts = new Date(now.getTime() + 7 * 86_400_000);
    return this.save(
      new SchoolEvent(
        v7(),
        school.id,
        school.trustId,
        'trip',
        `Trip ${randomUUID().slice(0, 6)}`,
        '',
        starts,
        new Date(starts.getTime() + 6 * 3_600_000),
        [],
        capacity,
        0,
        null,
        null,
        { ncYears: [5], groupIds: [], pupilIds: [], characteristics: [] },
        status,
        null,
        createdBy,
        now,
        now,
      ),
    );
  }

  /** A confirmed booking written straight in (the place counted on the event). */
  async booking(event: SchoolEvent, pupil: Pupil, bookedBy: UserId): Promise<string> {
    const id = v7();
    const connection = this.orm.em.fork().getConnection();
    await connection.execute(
      `insert into event_bookings (id, school_id, event_id, pupil_id, state, active, open, booked_by, created_at, updated_at)
       values (?, ?, ?, ?, 'confirmed', 1, 1, ?, now(3), now(3))`,
      [id, event.schoolId, event.id, pupil.id, bookedBy],
    );
    await connection.execute(
      'update events set taken = taken + 1, taken_open = taken_open + 1 where id = ?',
      [event.id],
    );
    return id;
  }

  /** A member of staff in the directory (as the MIS records them), written straight in. */
  async staffMember(school: School, forename: string, surname: string, email: string | null = null) {
    const id = v7();
    await this.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into staff_members (id, school_id, mis_id, forename, surname, email, active, fingerprint, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 1, '', now(3), now(3))`,
        [id, school.id, `S${randomUUID().slice(0, 8)}`, forename, surname, email],
      );
    return { id, schoolId: school.id, forename, surname, email };
  }

  /** A published parents' evening with one teacher and one slot, booked for the pupil: written straight in. */
  async eveningAppointment(
    school: School,
    pupil: Pupil,
    staffId: string,
    by: UserId,
  ): Promise<{ eventId: string; appointmentId: string }> {
    const event = await this.event(school, by, 'published', 1);
    const [slotId, appointmentId] = [v7(), v7()];
    const run = (sql: string, params: unknown[]) => this.orm.em.fork().getConnection().execute(sql, params);
    await run(`update events set kind = 'parents_evening' where id = ?`, [event.id]);
    await run(
      `insert into parents_evenings (event_id, school_id, slot_minutes, mode, video_link, separate_bookings)
       values (?, ?, 10, 'in_person', null, 0)`,
      [event.id, school.id],
    );
    await run(
      `insert into parents_evening_teachers (event_id, staff_id, school_id, group_ids, windows, breaks)
       values (?, ?, ?, '[]', ?, '[]')`,
      [event.id, staffId, school.id, JSON.stringify([{ from: event.startsAt, to: event.endsAt }])],
    );
    await run(
      'insert into parents_evening_slots (id, event_id, school_id, staff_id, starts_at, ends_at) values (?, ?, ?, ?, ?, ?)',
      [slotId, event.id, school.id, staffId, event.startsAt, new Date(event.startsAt.getTime() + 600_000)],
    );
    await run(
      `insert into parents_evening_appointments (id, school_id, event_id, slot_id, staff_id, pupil_id, parent_user_id,
         family_key, state, hold_expires_at, starts_at, ends_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, '', 'confirmed', null, ?, ?, now(3))`,
      [
        appointmentId,
        school.id,
        event.id,
        slotId,
        staffId,
        pupil.id,
        by,
        event.startsAt,
        new Date(event.startsAt.getTime() + 600_000),
      ],
    );
    return { eventId: event.id, appointmentId };
  }

  /**
   * Audit records of changes. Sign-ins are left out unless asked for by action: any request's first use of a
   * token records one, which says nothing about the change a test is counting.
   */
  async auditCount(
    where: Partial<Pick<AuditRecord, 'schoolId' | 'trustId' | 'action'>> = {},
  ): Promise<number> {
    const filter = where.action ? where : { ...where, action: { $ne: 'session.signed_in' } };
    return this.orm.em.fork().count(AuditRecord, filter as never, { filters: false });
  }

  private async save<T extends object>(entity: T): Promise<T> {
    const em = this.orm.em.fork();
    await em.persist(entity).flush();
    return entity;
  }
}
