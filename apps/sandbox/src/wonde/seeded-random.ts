/**
 * `Math.imul` without `Math`: under Jest (a vm context on Node 24) every `Math.*` call takes ~250 ns, which
 * made generating a large school 5× slower than in plain Node. The generators avoid `Math` in hot paths.
 */
export function imul32(a: number, b: number): number {
  return (a * (b & 0xffff) + (((a * (b >>> 16)) & 0xffff) << 16)) | 0;
}

/** `Math.floor` for non-negative numbers, without `Math` (see `imul32`). */
export function floorPositive(x: number): number {
  return x - (x % 1);
}

/**
 * A small deterministic PRNG (mulberry32, seeded by an xmur3 hash of a string), so a school generated from
 * the same seed is the same on every machine and every Node version.
 */
export class SeededRandom {
  /** A typed array keeps the state an untagged int32 (a plain field became a slow heap number under Jest). */
  private readonly state = new Int32Array(1);

  constructor(seed: string) {
    this.state[0] = hashSeed(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    const t0 = ((this.state[0] as number) + 0x6d2b79f5) | 0;
    this.state[0] = t0;
    let t = t0;
    t = imul32(t ^ (t >>> 15), t | 1);
    t ^= t + imul32(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return floorPositive(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('pick from an empty list');
    }
    return items[this.below(items.length)] as T;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K>(weights: ReadonlyArray<readonly [K, number]>): K {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of weights) {
      roll -= weight;
      if (roll < 0) {
        return key;
      }
    }
    return (weights[weights.length - 1] as readonly [K, number])[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count * 4 > items.length) {
      return this.shuffle([...items]).slice(0, count);
    }
    const picked = new Set<number>();
    while (picked.size < count) {
      picked.add(this.below(items.length));
    }
    return [...picked].map((index) => items[index] as T);
  }
}

function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = imul32(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = imul32(h ^ (h >>> 16), 2246822507);
  h = imul32(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}
