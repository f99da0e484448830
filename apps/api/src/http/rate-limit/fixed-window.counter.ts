import { Injectable } from '@nestjs/common';
import { ApiConfig } from '@rowan/adapters/config/config';
import { RedisClient } from '../../redis.provider';

/** Counts a hit and starts the window on the first one; answers the count and the window's time left. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

export interface WindowCount {
  readonly count: number;
  readonly msLeft: number;
}

/** Fixed-window counters in Redis, shared by every API instance. */
@Injectable()
export class FixedWindowCounter {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: ApiConfig,
  ) {}

  /** Undefined when Redis does not answer: the caller fails open, as the API-wide limit does. */
  async hit(key: string, windowMs: number): Promise<WindowCount | undefined> {
    try {
      const [count, msLeft] = (await this.redis.eval(
        HIT,
        1,
        `${this.config.REDIS_PREFIX}:ratelimit:${key}`,
        windowMs,
      )) as [number, number];
      return { count, msLeft };
    } catch {
      return undefined;
    }
  }
}
