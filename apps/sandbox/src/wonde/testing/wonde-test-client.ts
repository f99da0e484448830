import type { WondePage } from '@rowan/adapters/wonde/wonde-wire.types';

/** Minimal Wonde reads for the stand-in's tests: one GET, or every page by following `next`. */
export interface WondeResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export async function wondeGet<T>(url: string, token: string | null): Promise<WondeResponse<T>> {
  const response = await fetch(url, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export async function wondeAll<T>(url: string, token: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | null = url;
  let pages = 0;
  while (next) {
    const { status, body }: WondeResponse<WondePage<T>> = await wondeGet<WondePage<T>>(next, token);
    if (status !== 200) {
      throw new Error(`GET ${next} answered ${status}`);
    }
    items.push(...body.data);
    pages++;
    next = body.meta?.pagination?.next ?? null;
  }
  return { items, pages };
}

/** `YYYY-MM-DD HH:MM:SS` (UTC), the form Rowan sends as `updated_after`. */
export function wondeTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
