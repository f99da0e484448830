import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** Kept a little past their expiry: oidc-provider checks expiry itself, with its own clock tolerance. */
const GRACE_MS = 60_000;
const SWEEP_EVERY = 500;

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/**
 * oidc-provider's storage for the stand-in: plain Maps, one store per provider instance, lost on restart
 * (as a stand-in should be). Passing our own adapter also keeps oidc-provider from warning at every start
 * that its quick-start adapter (an LRU of 1,000 entries) is in use.
 */
export function createInMemoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionKeyByUid = new Map<string, string>();
  const keyByUserCode = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();
  let writes = 0;

  const read = (key: string | undefined): AdapterPayload | undefined => {
    const entry = key === undefined ? undefined : entries.get(key);
    if (entry === undefined || entry.expiresAt <= Date.now()) {
      return undefined;
    }
    return entry.payload;
  };

  const sweep = (): void => {
    const now = Date.now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= now) {
        entries.delete(key);
      }
    }
    for (const index of [sessionKeyByUid, keyByUserCode]) {
      for (const [lookup, key] of index) {
        if (!entries.has(key)) {
          index.delete(lookup);
        }
      }
    }
    for (const [grantId, keys] of keysByGrant) {
      for (const key of keys) {
        if (!entries.has(key)) {
          keys.delete(key);
        }
      }
      if (keys.size === 0) {
        keysByGrant.delete(grantId);
      }
    }
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        const expiresAt =
          expiresIn === undefined ? Number.POSITIVE_INFINITY : Date.now() + expiresIn * 1000 + GRACE_MS;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && payload.uid !== undefined) {
          sessionKeyByUid.set(payload.uid, key);
        }
        if (payload.userCode !== undefined) {
          keyByUserCode.set(payload.userCode, key);
        }
        if (payload.grantId !== undefined) {
          keysByGrant.set(payload.grantId, (keysByGrant.get(payload.grantId) ?? new Set()).add(key));
        }
        writes += 1;
        if (writes % SWEEP_EVERY === 0) {
          sweep();
        }
      },
      async find(id) {
        return read(keyOf(id));
      },
      async findByUid(uid) {
        return read(sessionKeyByUid.get(uid));
      },
      async findByUserCode(userCode) {
        return read(keyByUserCode.get(userCode));
      },
      async consume(id) {
        const payload = read(keyOf(id));
        if (payload !== undefined) {
          payload.consumed = Math.floor(Date.now() / 1000);
        }
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) {
          entries.delete(key);
        }
        keysByGrant.delete(grantId);
      },
    };
  };
}
