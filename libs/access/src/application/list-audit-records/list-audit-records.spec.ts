import { NotFound, ValidationFailed, type UserId } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import { AccessTestbed, anAuditRecord } from '../../testing';
import type { SchoolRef } from '../ports/school-directory';
import { ListAuditRecordsUseCase } from './list-audit-records.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new ListAuditRecordsUseCase(tb.directory, tb.auditLog);
  const school = tb.givenSchool();
  const admin = tb.givenMember(school, 'school_admin');
  return { tb, useCase, school, admin };
}

function givenRecords(
  tb: AccessTestbed,
  school: SchoolRef,
  count: number,
  actorId: UserId | null = null,
): string[] {
  const records = Array.from({ length: count }, () =>
    anAuditRecord(tb.ids, { schoolId: school.id, trustId: school.trustId, actorId }),
  );
  tb.audit.seed(...records);
  return records.map((r) => r.id);
}

describe('ListAuditRecordsUseCase', () => {
  it("lists the school's records newest first, naming the actor, and not other schools' records", async () => {
    const { tb, useCase, school, admin } = setup();
    const [older, newer] = givenRecords(tb, school, 2, admin.user.id);
    givenRecords(tb, tb.givenSchool({ id: school.trustId, name: 'Oak' }), 1);

    const page = await useCase.execute({
      actor: admin.actor,
      schoolId: school.id,
      filter: {},
      page: { limit: 10 },
    });

    expect(page.items.map((row) => row.record.id)).toEqual([newer, older]);
    expect(page.items[0]?.actor).toEqual({ id: admin.user.id, name: 'Alex Morgan', email: admin.user.email });
    expect(page.nextCursor).toBeNull();
  });

  it('pages with a limit and a cursor', async () => {
    const { tb, useCase, school, admin } = setup();
    const ids = givenRecords(tb, school, 3).reverse();
    const list = (cursor?: string) =>
      useCase.execute({ actor: admin.actor, schoolId: school.id, filter: {}, page: { limit: 2, cursor } });

    const first = await list();
    const second = await list(first.nextCursor!);

    expect(first.items.map((r) => r.record.id)).toEqual(ids.slice(0, 2));
    expect(second.items.map((r) => r.record.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('filters by target', async () => {
    const { tb, useCase, school, admin } = setup();
    givenRecords(tb, school, 3);
    const [wanted] = tb.audit.records().slice(-2);
    const list = (filter: { targetType?: string; targetId?: string }) =>
      useCase.execute({ actor: admin.actor, schoolId: school.id, filter, page: { limit: 10 } });

    const one = await list({ targetType: 'membership', targetId: wanted!.targetId });
    expect(one.items.map((r) => r.record.id)).toEqual([wanted!.id]);
    expect((await list({ targetType: 'membership' })).items).toHaveLength(3);
    expect((await list({ targetType: 'booking' })).items).toHaveLength(0);
  });

  it('filters by action and actor', async () => {
    const { tb, useCase, school, admin } = setup();
    const mine = anAuditRecord(tb.ids, {
      schoolId: school.id,
      trustId: school.trustId,
      actorId: admin.user.id,
      action: 'membership.revoked',
    });
    tb.audit.seed(
      mine,
      anAuditRecord(tb.ids, { schoolId: school.id, trustId: school.trustId, action: 'membership.revoked' }),
    );
    givenRecords(tb, school, 1, admin.user.id);

    const page = await useCase.execute({
      actor: admin.actor,
      schoolId: school.id,
      filter: { action: 'membership.revoked', actorId: admin.user.id },
      page: { limit: 10 },
    });

    expect(page.items.map((r) => r.record.id)).toEqual([mine.id]);
  });

  it('refuses a cursor it did not give out', async () => {
    const { useCase, school, admin } = setup();

    await expect(
      useCase.execute({
        actor: admin.actor,
        schoolId: school.id,
        filter: {},
        page: { limit: 2, cursor: 'bm9wZQ' },
      }),
    ).rejects.toThrow(ValidationFailed);
  });

  it.each(['office', 'teacher'] as const)('refuses (403) %s staff of the school', async (role) => {
    const { tb, useCase, school } = setup();
    const staff = tb.givenMember(school, role).actor;

    await expect(
      useCase.execute({ actor: staff, schoolId: school.id, filter: {}, page: { limit: 10 } }),
    ).rejects.toThrow(NotPermitted);
  });

  it('lets a trust admin read, and answers "not found" to another trust\'s admin', async () => {
    const { tb, useCase, school } = setup();
    givenRecords(tb, school, 1);
    const ours = tb.givenMember({ id: school.trustId, name: 'Oak' }, 'trust_admin').actor;
    const theirs = tb.givenMember(tb.givenTrust('Elm'), 'trust_admin').actor;

    await expect(
      useCase.execute({ actor: ours, schoolId: school.id, filter: {}, page: { limit: 10 } }),
    ).resolves.toMatchObject({
      items: [expect.anything()],
    });
    await expect(
      useCase.execute({ actor: theirs, schoolId: school.id, filter: {}, page: { limit: 10 } }),
    ).rejects.toThrow(NotFound);
  });
});
