import type { School } from '@rowan/directory';
import { randomUUID } from 'node:crypto';
import { v7 } from 'uuid';
import type { ApiStack } from './api-stack';
import { eventsKit } from './events-kit';

/** The events kit with a day, teachers and evenings for the parents' evening tests, over the real API. */
export function parentsEveningKit(stackOf: () => ApiStack) {
  const kit = eventsKit(stackOf);
  const { as, sql } = kit;

  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;

  async function teacher(s: School, surname: string): Promise<string> {
    const id = v7();
    await sql(
      `insert into staff_members (id, school_id, mis_id, title, forename, surname, job_title, email, active,
         fingerprint, created_at, updated_at) values (?, ?, ?, 'Ms', 'Tess', ?, 'Teacher', null, 1, 'fp', now(3), now(3))`,
      [id, s.id, `mis-${randomUUID()}`, surname],
    );
    return id;
  }

  /** Teachers each with the classes they see; 16:00 to 17:00 in 10-minute slots with a break at 16:30. */
  async function evening(
    staff: string,
    s: School,
    teachers: readonly { staffId: string; groupIds: string[] }[],
    options: { until?: string; separateBookings?: boolean } = {},
  ): Promise<string> {
    const until = options.until ?? '17:00';
    const created = await as(staff).post(`/api/v1/schools/${s.id}/parents-evenings`, {
      title: `Evening ${randomUUID().slice(0, 6)}`,
      slotMinutes: 10,
      mode: 'in_person',
      eligibility: { ncYears: [5] },
      ...(options.separateBookings === undefined ? {} : { separateBookings: options.separateBookings }),
      teachers: teachers.map((t) => ({
        ...t,
        windows: [{ from: at('16:00'), to: at(until) }],
        breaks: [{ from: at('16:30'), to: at('16:40') }],
      })),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'parents_evening',
      status: 'draft',
      capacity: (until === '17:00' ? 5 : 11) * teachers.length,
    });
    const publish = await as(staff).post(`/api/v1/schools/${s.id}/events/${created.body.id}/publish`);
    expect(publish.status).toBe(200);
    return created.body.id as string;
  }

  const grid = async (staff: string, s: School, eventId: string) => {
    const response = await as(staff).get(`/api/v1/schools/${s.id}/parents-evenings/${eventId}`);
    expect(response.status).toBe(200);
    return response.body.slots as Array<{
      id: string;
      staffId: string;
      startsAt: string;
      appointment: { pupilId: string; state: string } | null;
    }>;
  };
  const slotOf = async (staff: string, s: School, eventId: string, staffId: string, hhmm: string) =>
    (await grid(staff, s, eventId)).find((x) => x.staffId === staffId && x.startsAt === at(hhmm))!.id;
  const hold = (token: string, eventId: string, pupilId: string, slotId: string, key?: string) =>
    as(token).post(
      `/api/v1/me/parents-evenings/${eventId}/holds`,
      { pupilId, slotId },
      key ? { 'idempotency-key': key } : {},
    );
  const appointmentCount = async (eventId: string) =>
    Number(
      (
        (await sql('select count(*) as n from parents_evening_appointments where event_id = ?', [
          eventId,
        ])) as [{ n: number }]
      )[0].n,
    );

  return { ...kit, day, at, teacher, evening, grid, slotOf, hold, appointmentCount };
}
