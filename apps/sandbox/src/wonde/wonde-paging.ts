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

export function pageRequest(url: URL, pageSizeMax: number): PageRequest {
  const perPageParam = url.searchParams.get('per_page');
  const pageParam = url.searchParams.get('page');
  const perPage = clampInt(perPageParam, DEFAULT_PER_PAGE, 1, pageSizeMax);
  const page = clampInt(pageParam, 1, 1, Number.MAX_SAFE_INTEGER);
  return { page, perPage, explicit: perPageParam !== null || pageParam !== null };
}

/**
 * One page as JSON text: `{"data":[…],"meta":{"pagination":{…}}}`, built from records already rendered to
 * JSON, so a page of a large school is a string join. `origin` + the request's path and query make the links.
 */
export function pageBody<T>(
  url: URL,
  origin: string,
  request: PageRequest,
  items: readonly T[],
  render: (item: T) => string,
): string {
  const start = (request.page - 1) * request.perPage;
  const slice = items.slice(start, start + request.perPage);
  const data = `[${slice.map(render).join(',')}]`;
  if (!request.explicit && items.length <= DEFAULT_PER_PAGE) {
    return `{"data":${data},"meta":{}}`;
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
  return `{"data":${data},"meta":${JSON.stringify({ pagination })}}`;
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
