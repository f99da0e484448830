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

const PEEK = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
return {count, redis.call('PTTL', KEYS[1])}
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
  hit(key: string, windowMs: number): Promise<WindowCount | undefined> {
    return this.run(HIT, key, windowMs);
  }

  /** The window's count so far, without counting. */
  peek(key: string): Promise<WindowCount | undefined> {
    return this.run(PEEK, key);
  }

  private async run(script: string, key: string, ...args: number[]): Promise<WindowCount | undefined> {
    try {
      const [count, msLeft] = (await this.redis.eval(
        script,
        1,
        `${this.config.REDIS_PREFIX}:ratelimit:${key}`,
        ...args,
      )) as [number, number];
      return { count, msLeft };
    } catch {
      return undefined;
    }
  }
}
