import type { EntityManager } from '@mikro-orm/mysql';
import type { CharacteristicKind, PupilWrite } from '@rowan/directory';
import { v7 } from 'uuid';
import { chunks, selectRows, upsertRows } from './bulk-sql';

type Wanted = Map<CharacteristicKind, string>;

function wanted(write: PupilWrite): Wanted {
  const c = write.record.characteristics;
  const out: Wanted = new Map();
  if (c.pupilPremium) {
    out.set('pupil_premium', 'yes');
  }
  if (c.freeSchoolMeals) {
    out.set('free_school_meals', 'yes');
  }
  if (c.sen !== 'none') {
    out.set('sen', c.sen);
  }
  if (c.eal) {
    out.set('eal', 'yes');
  }
  return out;
}

/**
 * Keeps characteristics as periods: an open period whose value still holds stays; one that no longer holds is
 * closed today; a newly held value opens a period today.
 */
export async function replaceCharacteristics(
  em: EntityManager,
  schoolId: string,
  pupilIds: readonly string[],
  writes: readonly PupilWrite[],
  today: string,
): Promise<void> {
  const open: Array<{ id: string; pupil_id: string; kind: CharacteristicKind; value: string }> = [];
  for (const chunk of chunks(pupilIds)) {
    open.push(
      ...(await selectRows<(typeof open)[number]>(
        em,
        `select id, pupil_id, kind, value from pupil_characteristics where school_id = ? and effective_to is null and pupil_id in (${chunk.map(() => '?').join(', ')})`,
        [schoolId, ...chunk],
      )),
    );
  }
  const openByPupil = new Map<string, typeof open>();
  open.forEach((row) => openByPupil.set(row.pupil_id, [...(openByPupil.get(row.pupil_id) ?? []), row]));

  const close: string[] = [];
  const insert: unknown[][] = [];
  for (const write of writes) {
    const want = wanted(write);
    const current = openByPupil.get(write.id) ?? [];
    for (const row of current) {
      if (want.get(row.kind) === row.value) {
        want.delete(row.kind);
      } else {
        close.push(row.id);
      }
    }
    want.forEach((value, kind) => insert.push([v7(), schoolId, write.id, kind, value, today, null]));
  }
  for (const chunk of chunks(close)) {
    await em
      .getConnection()
      .execute(
        `update pupil_characteristics set effective_to = ? where id in (${chunk.map(() => '?').join(', ')})`,
        [today, ...chunk],
        'run',
        em.getTransactionContext(),
      );
  }
  await upsertRows(
    em,
    'pupil_characteristics',
    ['id', 'school_id', 'pupil_id', 'kind', 'value', 'effective_from', 'effective_to'],
    insert,
    [],
  );
}
