import { NotFound, type SchoolId } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import { AccessTestbed } from '../../testing';
import { ListMembershipsUseCase } from './list-memberships.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new ListMembershipsUseCase(tb.directory, tb.memberships);
  const school = tb.givenSchool();
  const office = tb.givenMember(school, 'office');
  return { tb, useCase, school, office };
}

describe('ListMembershipsUseCase', () => {
  it("lists the school's memberships, newest first, with their people, and nobody else's", async () => {
    const { tb, useCase, school, office } = setup();
    const teacher = tb.givenMember(school, 'teacher', { status: 'revoked' });
    tb.givenMember(tb.givenSchool(), 'teacher');

    const page = await useCase.execute({
      actor: office.actor,
      schoolId: school.id,
      filter: {},
      page: { limit: 10 },
    });

    expect(page.items.map((m) => [m.id, m.user.email, m.status])).toEqual([
      [teacher.membership.id, teacher.user.email, 'revoked'],
      [office.membership.id, office.user.email, 'active'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages with a limit and a cursor, without gaps or repeats', async () => {
    const { tb, useCase, school, office } = setup();
    const newer = [1, 2, 3, 4].map(() => tb.givenMember(school, 'teacher').membership.id).reverse();
    const list = (cursor?: string) =>
      useCase.execute({ actor: office.actor, schoolId: school.id, filter: {}, page: { limit: 2, cursor } });

    const first = await list();
    const second = await list(first.nextCursor ?? undefined);
    const third = await list(second.nextCursor ?? undefined);

    expect(first.items.map((m) => m.id)).toEqual(newer.slice(0, 2));
    expect(second.items.map((m) => m.id)).toEqual(newer.slice(2, 4));
    expect(third.items.map((m) => m.id)).toEqual([office.membership.id]);
    expect([first.nextCursor, second.nextCursor, third.nextCursor].map((c) => c === null)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('filters by role and status', async () => {
    const { tb, useCase, school, office } = setup();
    const invitedTeacher = tb.givenMember(school, 'teacher', { status: 'invited' }).membership;
    tb.givenMember(school, 'teacher');

    const page = await useCase.execute({
      actor: office.actor,
      schoolId: school.id,
      filter: { role: 'teacher', status: 'invited' },
      page: { limit: 10 },
    });

    expect(page.items.map((m) => m.id)).toEqual([invitedTeacher.id]);
  });

  it('refuses (403) a teacher of the school', async () => {
    const { tb, useCase, school } = setup();
    const teacher = tb.givenMember(school, 'teacher').actor;

    await expect(
      useCase.execute({ actor: teacher, schoolId: school.id, filter: {}, page: { limit: 10 } }),
    ).rejects.toThrow(NotPermitted);
  });

  it('answers "not found" to staff of another school and for an unknown school', async () => {
    const { tb, useCase, school, office } = setup();
    const foreignAdmin = tb.givenMember(tb.givenSchool(), 'school_admin').actor;

    await expect(
      useCase.execute({ actor: foreignAdmin, schoolId: school.id, filter: {}, page: { limit: 10 } }),
    ).rejects.toThrow(NotFound);
    await expect(
      useCase.execute({
        actor: office.actor,
        schoolId: tb.ids.next() as SchoolId,
        filter: {},
        page: { limit: 10 },
      }),
    ).rejects.toThrow(NotFound);
  });
});
