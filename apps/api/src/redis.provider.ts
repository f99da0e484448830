import { Redis } from 'ioredis';

/** The API's own Redis connection (readiness, rate limiting). BullMQ keeps its own. */
export class RedisClient extends Redis {}

export function createRedisClient(url: string): RedisClient {
  return new RedisClient(url, { maxRetriesPerRequest: 2 });
}
