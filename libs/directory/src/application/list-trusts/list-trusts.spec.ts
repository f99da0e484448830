import { DirectoryTestbed } from '../../testing';
import { ListTrustsUseCase } from './list-trusts.use-case';

function setup() {
  const tb = new DirectoryTestbed();
  return { tb, useCase: new ListTrustsUseCase(tb.trusts) };
}

describe('ListTrustsUseCase', () => {
  it('shows an operator every trust, newest first, a page at a time', async () => {
    const { tb, useCase } = setup();
    const [oak, elm, ash] = [tb.givenTrust('Oak'), tb.givenTrust('Elm'), tb.givenTrust('Ash')];
    const operator = tb.operator();

    const first = await useCase.execute({ actor: operator, page: { limit: 2 } });
    const second = await useCase.execute({
      actor: operator,
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect(first.items.map((t) => t.name)).toEqual([ash.name, elm.name]);
    expect(first.nextCursor).not.toBeNull();
    expect(second.items.map((t) => t.id)).toEqual([oak.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('shows a trust admin only their own trust', async () => {
    const { tb, useCase } = setup();
    const oak = tb.givenTrust('Oak');
    tb.givenTrust('Elm');

    const page = await useCase.execute({ actor: tb.trustAdminOf(oak), page: { limit: 10 } });

    expect(page.items).toEqual([{ id: oak.id, name: 'Oak', createdAt: oak.createdAt }]);
  });

  it('shows school staff and strangers no trusts', async () => {
    const { tb, useCase } = setup();
    const oak = tb.givenTrust('Oak');
    const schoolAdmin = tb.staffAt(tb.givenSchool(oak), 'school_admin');

    await expect(useCase.execute({ actor: schoolAdmin, page: { limit: 10 } })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    await expect(useCase.execute({ actor: tb.stranger(), page: { limit: 10 } })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
