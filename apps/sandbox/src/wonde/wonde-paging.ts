import type { ServerResponse } from 'node:http';
import type { WondePagination } from '@rowan/adapters/wonde/wonde-wire.types';

/** Wonde's paging: `per_page` (default 50, capped per endpoint) and `page`, with absolute `next` links. */
export interface PageRequest {
  readonly page: number;
  readonly perPage: number;
  /** False when the caller sent neither `per_page` nor `page`: then Wonde omits pagination for ≤ 50 rows. */
  readonly explicit: boolean;
}

export const DEFAULT_PER_PAGE = 50;
const DATA_START = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

export function pageRequest(url: URL, pageSizeMax: number): PageRequest {
  const perPageParam = url.searchParams.get('per_page');
  const pageParam = url.searchParams.get('page');
  const perPage = clampInt(perPageParam, DEFAULT_PER_PAGE, 1, pageSizeMax);
  const page = clampInt(pageParam, 1, 1, Number.MAX_SAFE_INTEGER);
  return { page, perPage, explicit: perPageParam !== null || pageParam !== null };
}

/**
 * One page, `{"data":[…],"meta":{"pagination":{…}}}`, joined from records already encoded as JSON chunks.
 * `origin` + the request's path and query make the links.
 */
export function pageBody<T>(
  url: URL,
  origin: string,
  request: PageRequest,
  items: readonly T[],
  render: (item: T) => readonly Buffer[],
): Buffer {
  const start = (request.page - 1) * request.perPage;
  const chunks: Buffer[] = [DATA_START];
  items.slice(start, start + request.perPage).forEach((item, index) => {
    if (index > 0) {
      chunks.push(COMMA);
    }
    chunks.push(...render(item));
  });
  if (!request.explicit && items.length <= DEFAULT_PER_PAGE) {
    chunks.push(Buffer.from('],"meta":{}}'));
    return Buffer.concat(chunks);
  }
  const more = start + request.perPage < items.length;
  const link = (page: number): string => {
    const params = new URLSearchParams(url.searchParams);
    params.set('page', String(page));
    return `${origin}${url.pathname}?${params.toString()}`;
  };
  const pagination: WondePagination = {
    next: more ? link(request.page + 1) : null,
    previous: request.page > 1 ? link(request.page - 1) : null,
    more,
    per_page: request.perPage,
    current_page: request.page,
  };
  chunks.push(Buffer.from(`],"meta":${JSON.stringify({ pagination })}}`));
  return Buffer.concat(chunks);
}

export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function clampInt(value: string | null, fallback: number, min: number, max: number): number {
  const parsed = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}
