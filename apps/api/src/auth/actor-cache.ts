import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Actor, VerifiedIdentity } from '@rowan/access';
import { accessChangesChannel, EVERYONE } from '@rowan/adapters/persistence/access-changes';
import type { TenantScopeArgs } from '@rowan/adapters/persistence/tenant-filter';
import { ApiConfig } from '@rowan/adapters/config/config';
import type { Redis } from 'ioredis';
import { RedisClient } from '../redis.provider';

export interface ResolvedAccess {
  readonly actor: Actor;
  readonly scope: TenantScopeArgs;
}

interface Entry extends ResolvedAccess {
  readonly expires: number;
}

/** How long a resolved actor is trusted without hearing of a change: the bound on a lost announcement. */
const TIME_TO_LIVE_MS = 60_000;
const MAX_ENTRIES = 20_000;

/**
 * Resolved actors and their tenant scopes, per identity, in this API instance's memory, so a request costs no
 * database reads to say who is asking. Every change to a membership, an account or a school's trust is announced
 * on Redis (AccessChangePublisher) and drops the entries it affects on every instance; while the subscription
 * is down nothing is cached, and when it comes back everything cached is dropped.
 */
@Injectable()
export class ActorCache implements OnModuleInit, OnApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  /** Moves on every announcement: a resolution that started before one is not cached (it may be stale). */
  private generation = 0;
  private listening = false;
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: ApiConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    const channel = accessChangesChannel(this.config.REDIS_PREFIX);
    subscriber.on('message', (_channel: string, message: string) => this.drop(parseUsers(message)));
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).then(
        () => {
          this.clear();
          this.listening = true;
        },
        () => (this.listening = false),
      );
    });
    subscriber.on('close', () => {
      this.listening = false;
      this.clear();
    });
    await subscriber.subscribe(channel).then(
      () => (this.listening = true),
      () => (this.listening = false),
    );
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  /** A mark to hand back to `put`, taken before resolving. */
  mark(): number {
    return this.generation;
  }

  get(identity: VerifiedIdentity, now = Date.now()): ResolvedAccess | null {
    const key = keyOf(identity);
    const entry = this.entries.get(key);
    if (!entry) {
      return null;
    }
    if (entry.expires <= now) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  put(identity: VerifiedIdentity, access: ResolvedAccess, mark: number, now = Date.now()): void {
    if (!this.listening || mark !== this.generation) {
      return;
    }
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
      }
    }
    this.entries.set(keyOf(identity), { ...access, expires: now + TIME_TO_LIVE_MS });
  }

  private drop(userIds: readonly string[]): void {
    this.generation++;
    if (userIds.includes(EVERYONE)) {
      this.clear();
      return;
    }
    const users = new Set(userIds);
    for (const [key, entry] of this.entries) {
      if (users.has(entry.actor.userId)) {
        this.entries.delete(key);
      }
    }
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** The identity's parts that shape an Actor: who, whether they used MFA, whether they operate the platform. */
const keyOf = (identity: VerifiedIdentity): string =>
  `${identity.subject}|${identity.mfa ? 1 : 0}|${identity.operator ? 1 : 0}`;

function parseUsers(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [EVERYONE];
  } catch {
    return [EVERYONE];
  }
}
