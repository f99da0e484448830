import type { EntityManager } from '@mikro-orm/mysql';
import type { GroupFilter, GroupKind, GroupSummary } from '@rowan/directory';
import { ValidationFailed, type Page, type PageRequest, type SchoolId } from '@rowan/kernel';
import { selectRows } from './bulk-sql';

/** The order staff look for groups in: classes first, then years, sets, houses, the rest. */
const KIND_RANK = `field(g.kind, 'registration', 'year', 'teaching', 'house', 'other')`;

interface GroupRow {
  readonly id: string;
  readonly name: string;
  readonly kind: GroupKind;
  readonly code: string | null;
  readonly kind_rank: number;
  readonly members: number | string;
}

/**
 * Active groups of a school with their number of pupils on roll, keyset-paged over (kind rank, name, id). The
 * count is a correlated subquery per row of the page (at most 200), so the page costs one query.
 */
export async function listGroups(
  em: EntityManager,
  schoolId: SchoolId,
  filter: GroupFilter,
  page: PageRequest,
): Promise<Page<GroupSummary>> {
  const where = ['g.school_id = ?', 'g.active = 1'];
  const params: unknown[] = [schoolId];
  if (filter.kind) {
    where.push('g.kind = ?');
    params.push(filter.kind);
  }
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push('(g.name like ? or g.code like ?)');
    params.push(like, like);
  }
  const after = decodeGroupCursor(page.cursor);
  if (after) {
    where.push(`(${KIND_RANK}, g.name, g.id) > (?, ?, ?)`);
    params.push(...after);
  }
  const rows = await selectRows<GroupRow>(
    em,
    `select g.id, g.name, g.kind, g.code, ${KIND_RANK} as kind_rank,
            (select count(*) from group_members gm
               join pupils p on p.id = gm.pupil_id and p.school_id = gm.school_id and p.enrolment = 'on_roll'
              where gm.group_id = g.id and gm.school_id = g.school_id) as members
       from pupil_groups g
      where ${where.join(' and ')}
      order by kind_rank, g.name, g.id
      limit ${page.limit + 1}`,
    params,
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      code: r.code,
      members: Number(r.members),
    })),
    nextCursor:
      rows.length > page.limit && last
        ? Buffer.from(JSON.stringify([Number(last.kind_rank), last.name, last.id]), 'utf8').toString(
            'base64url',
          )
        : null,
  };
}

function decodeGroupCursor(cursor: string | undefined): [number, string, string] | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    const [rank, name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof rank === 'number' && typeof name === 'string' && typeof id === 'string') {
      return [rank, name, id];
    }
  } catch {
    // not JSON: answered below
  }
  throw new ValidationFailed('The cursor is not one this API gave out', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}
