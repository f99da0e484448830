import { DomainError } from '@rowan/kernel';
import type { WondePage } from './wonde-wire.types';

export class MisUnavailable extends DomainError {
  readonly code = 'DIRECTORY.MIS_UNAVAILABLE';
  readonly kind = 'unavailable';
}

export class MisRefused extends DomainError {
  readonly code = 'DIRECTORY.MIS_REFUSED';
  readonly kind = 'invalid';
}

export interface WondeHttpOptions {
  /** How many times to wait and retry a 429 or 5xx before giving up (default 6). */
  readonly retries?: number;
  /** Longest wait in ms when Retry-After is missing or large (default 30 s). */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Wonde's REST API over fetch: bearer token per school, `meta.pagination.next` paging, back-off on 429. */
export class WondeHttpClient {
  private readonly retries: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: WondeHttpOptions = {}) {
    this.retries = options.retries ?? 6;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Every page of a list, following `next` links until there are none. */
  async *pages<T>(url: string, token: string): AsyncGenerator<T[]> {
    let next: string | null = url;
    while (next) {
      const page: WondePage<T> = await this.get<WondePage<T>>(next, token);
      yield page.data;
      next = page.meta?.pagination?.more === false ? null : (page.meta?.pagination?.next ?? null);
    }
  }

  async get<T>(url: string, token: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
      } catch (error) {
        if (attempt < this.retries) {
          await this.sleep(this.backoff(attempt, null));
          continue;
        }
        throw new MisUnavailable(`Wonde could not be reached: ${(error as Error).message}`);
      }
      if (response.ok) {
        return (await response.json()) as T;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < this.retries) {
        await response.body?.cancel();
        await this.sleep(this.backoff(attempt, response.headers.get('retry-after')));
        continue;
      }
      const text = (await response.text()).slice(0, 300);
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        throw new MisRefused(
          `Wonde refused the request (${response.status}): check the school's Wonde id and token. ${text}`,
        );
      }
      throw new MisUnavailable(`Wonde answered ${response.status}: ${text}`);
    }
  }

  private backoff(attempt: number, retryAfter: string | null): number {
    const seconds = retryAfter !== null ? Number(retryAfter) : NaN;
    const ms = Number.isFinite(seconds) ? seconds * 1000 : 500 * 2 ** attempt;
    return Math.min(ms, this.maxWaitMs);
  }
}
