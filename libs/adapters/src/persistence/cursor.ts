import { ValidationFailed, type Page, type PageRequest } from '@rowan/kernel';

/**
 * Keyset pagination over time-ordered (UUIDv7) ids: the cursor is the last id seen, opaque to clients.
 * Newest first: the next page has ids below the cursor.
 */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationFailed('The cursor is not one this API gave out', [
      { field: 'cursor', message: 'is invalid' },
    ]);
  }
  return id;
}

/** Turn `limit + 1` fetched rows into a page. */
export function toPage<T>(rows: readonly T[], page: PageRequest, idOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, page.limit);
  const more = rows.length > page.limit;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? Buffer.from(idOf(last), 'utf8').toString('base64url') : null };
}

/** A cursor over (surname, forename, id), for lists read in name order. */
export function encodeNameCursor(row: {
  preferredSurname: string;
  preferredForename: string;
  id: string;
}): string {
  return Buffer.from(JSON.stringify([row.preferredSurname, row.preferredForename, row.id]), 'utf8').toString(
    'base64url',
  );
}

export function decodeNameCursor(
  cursor: string | undefined,
): { surname: string; forename: string; id: string } | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    const [surname, forename, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof surname === 'string' && typeof forename === 'string' && typeof id === 'string') {
      return { surname, forename, id };
    }
  } catch {
    // not JSON: answered below
  }
  throw new ValidationFailed('The cursor is not one this API gave out', [
    { field: 'cursor', message: 'is invalid' },
  ]);
}
