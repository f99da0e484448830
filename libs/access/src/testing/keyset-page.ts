import { ValidationFailed, type Page, type PageRequest } from '@rowan/kernel';

/**
 * Keyset paging as the MikroORM repositories do it: newest first by (time-ordered) id, the cursor an opaque
 * base64url of the last id seen, the next page the ids below it.
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

/** Turns `limit + 1` fetched rows into a page. */
export function toPage<T>(rows: readonly T[], page: PageRequest, idOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > page.limit && last ? Buffer.from(idOf(last), 'utf8').toString('base64url') : null,
  };
}

/** True when the row belongs after the cursor (an older id). */
export function isAfterCursor(id: string, after: string | undefined): boolean {
  return after === undefined || id < after;
}
