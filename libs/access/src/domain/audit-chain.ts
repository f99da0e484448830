import type { SchoolId } from '@rowan/kernel';
import type { AuditRecord } from './audit-record';

/**
 * The audit log's hash chains, so tampering shows. Each school's records form one chain (records of no school,
 * trust-wide or platform-wide, form the platform chain). The sealer gives each record, after it has committed,
 * the next sequence number in its chain, the hash of the record before it, and its own hash: SHA-256 of that
 * previous hash followed by the canonical JSON of the record's immutable fields. Changing a sealed record breaks
 * its hash; removing one leaves a gap in the sequence (or a previous hash that matches nothing).
 */
export type AuditChainKey = SchoolId | typeof PLATFORM_CHAIN;
export const PLATFORM_CHAIN = 'platform';
export const GENESIS_HASH = '0'.repeat(64);

export const chainOf = (schoolId: SchoolId | null): AuditChainKey => schoolId ?? PLATFORM_CHAIN;

/** SHA-256 as 64 lowercase hex digits (the application supplies it: the domain does no I/O or crypto). */
export type Digest = (text: string) => string;

/** A chain's end: the last sealed record's sequence number and hash (0 and the genesis hash when empty). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH };

export interface AuditSeal {
  readonly recordId: string;
  readonly chainSeq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** A sealed record as stored: its fields and the seal written beside them. */
export interface SealedRecord {
  readonly record: AuditRecord;
  readonly chainSeq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainBreak =
  /** The record's content no longer matches its hash. */
  | { readonly reason: 'altered'; readonly recordId: string; readonly chainSeq: number }
  /** A record was removed: `chainSeq` is the missing number; `recordId` the one found in its place (if any). */
  | { readonly reason: 'missing'; readonly recordId: string | null; readonly chainSeq: number };

/** The record's immutable fields, keys sorted at every level, as the text that is hashed. */
export function canonicalAuditJson(record: AuditRecord, chainSeq: number): string {
  return canonicalJson({
    id: record.id,
    at: record.at.toISOString(),
    actor_id: record.actorId,
    action: record.action,
    trust_id: record.trustId,
    school_id: record.schoolId,
    target_type: record.targetType,
    target_id: record.targetId,
    summary: record.summary,
    before: record.before,
    after: record.after,
    request_id: record.requestId,
    chain_seq: chainSeq,
  });
}

export function recordHash(digest: Digest, prevHash: string, record: AuditRecord, chainSeq: number): string {
  return digest(prevHash + canonicalAuditJson(record, chainSeq));
}

/** Seals records at the chain's end, in the order given. */
export function sealAll(
  digest: Digest,
  head: ChainHead,
  records: readonly AuditRecord[],
): { readonly seals: AuditSeal[]; readonly head: ChainHead } {
  let end = head;
  const seals = records.map((record) => {
    const chainSeq = end.seq + 1;
    const hash = recordHash(digest, end.hash, record, chainSeq);
    const seal = { recordId: record.id, chainSeq, prevHash: end.hash, hash };
    end = { seq: chainSeq, hash };
    return seal;
  });
  return { seals, head: end };
}

/**
 * Walks a chain in sequence order, a batch at a time, finding the first break. `end` is the head recorded when
 * the chain last grew: a chain whose last records were removed ends short of it.
 */
export class ChainVerifier {
  private expected: ChainHead = EMPTY_CHAIN;
  private broken: ChainBreak | null = null;
  private count = 0;
  private lastId: string | null = null;

  constructor(private readonly digest: Digest) {}

  get firstBroken(): ChainBreak | null {
    return this.broken;
  }

  get sealed(): number {
    return this.count;
  }

  /** Checks the next records (in chain order); false once the chain is found broken. */
  check(records: readonly SealedRecord[]): boolean {
    for (const link of records) {
      this.count++;
      this.lastId = link.record.id;
      if (this.broken) {
        continue;
      }
      const seq = this.expected.seq + 1;
      if (link.chainSeq !== seq || link.prevHash !== this.expected.hash) {
        this.broken = { reason: 'missing', recordId: link.record.id, chainSeq: seq };
      } else if (recordHash(this.digest, link.prevHash, link.record, link.chainSeq) !== link.hash) {
        this.broken = { reason: 'altered', recordId: link.record.id, chainSeq: link.chainSeq };
      }
      this.expected = { seq: link.chainSeq, hash: link.hash };
    }
    return this.broken === null;
  }

  /** After the last batch: does the chain reach the head it grew to? */
  finish(end: ChainHead): ChainBreak | null {
    if (this.broken) {
      return this.broken;
    }
    if (end.seq > this.expected.seq) {
      this.broken = { reason: 'missing', recordId: null, chainSeq: this.expected.seq + 1 };
    } else if (end.seq === this.expected.seq && end.hash !== this.expected.hash && this.lastId) {
      this.broken = { reason: 'altered', recordId: this.lastId, chainSeq: end.seq };
    }
    return this.broken;
  }
}

/** JSON with object keys sorted at every level; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
