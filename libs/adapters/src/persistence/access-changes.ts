import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EntityManager, EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/mysql';
import { Redis } from 'ioredis';

/** Everyone's access changed (a school joined or left a trust): every cached actor is dropped. */
export const EVERYONE = '*';

/** The Redis channel on which every API instance hears whose access changed. */
export const accessChangesChannel = (prefix: string): string => `${prefix}:access-changed`;

/** Whose access a flushed change affects: memberships and users by user id; schools move trust scopes. */
function affected(args: FlushEventArgs): Set<string> {
  const users = new Set<string>();
  for (const changeSet of args.uow.getChangeSets()) {
    const entity = changeSet.entity as { id?: string; userId?: string };
    switch (changeSet.meta.className) {
      case 'Membership':
        if (entity.userId) {
          users.add(entity.userId);
        }
        break;
      case 'User':
        if (entity.id) {
          users.add(entity.id);
        }
        break;
      case 'School':
        users.add(EVERYONE);
        break;
    }
  }
  return users;
}

/**
 * Tells every API instance, through Redis, whose memberships or account just changed, so the actors they
 * cached are resolved again on the next request. A change flushed inside a transaction is announced when the
 * transaction commits (and once more at flush, which costs nothing but an extra resolve).
 */
class AccessChangeSubscriber implements EventSubscriber {
  private readonly pending = new WeakMap<EntityManager, Set<string>>();

  constructor(private readonly announce: (userIds: readonly string[]) => void) {}

  afterFlush(args: FlushEventArgs): void {
    const users = affected(args);
    if (!users.size) {
      return;
    }
    this.announce([...users]);
    if (args.em.isInTransaction()) {
      const pending = this.pending.get(args.em) ?? new Set<string>();
      users.forEach((u) => pending.add(u));
      this.pending.set(args.em, pending);
    }
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const pending = this.pending.get(args.em);
    if (pending) {
      this.pending.delete(args.em);
      this.announce([...pending]);
    }
  }
}

export class AccessChangesSettings {
  constructor(
    readonly redisUrl: string,
    readonly prefix: string,
  ) {}
}

/** Registers the announcing subscriber on the ORM (API and worker both change access). */
@Injectable()
export class AccessChangePublisher implements OnModuleInit, OnApplicationShutdown {
  private redis: Redis | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: AccessChangesSettings,
  ) {}

  onModuleInit(): void {
    const redis = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.redis = redis;
    const channel = accessChangesChannel(this.settings.prefix);
    this.orm.em.getEventManager().registerSubscriber(
      new AccessChangeSubscriber((userIds) => {
        // A lost announcement leaves an actor cached until its time to live runs out (ActorCache).
        redis.publish(channel, JSON.stringify(userIds)).catch(() => undefined);
      }),
    );
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
