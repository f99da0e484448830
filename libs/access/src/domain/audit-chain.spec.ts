import { createHash } from 'node:crypto';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import {
  canonicalAuditJson,
  canonicalJson,
  ChainVerifier,
  EMPTY_CHAIN,
  GENESIS_HASH,
  sealAll,
  type SealedRecord,
} from './audit-chain';
import { AuditRecord } from './audit-record';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function record(n: number, summary = `Change ${n}`): AuditRecord {
  return new AuditRecord(
    `0190-${n}`,
    new Date(Date.UTC(2026, 10, 1, 9, 0, n)),
    'user-1' as UserId,
    'membership.invited',
    'trust-1' as TrustId,
    'school-1' as SchoolId,
    'membership',
    `m-${n}`,
    summary,
    null,
    { role: 'teacher', z: 1, a: [2, { y: true, b: null }] },
    `req-${n}`,
  );
}

/** A chain of `count` records as stored: each record beside its seal. */
function chain(count: number): SealedRecord[] {
  const records = Array.from({ length: count }, (_, i) => record(i + 1));
  const { seals } = sealAll(sha256, EMPTY_CHAIN, records);
  return records.map((r, i) => ({ record: r, ...seals[i]! }));
}

function verify(links: readonly SealedRecord[], head = headOf(links)) {
  const verifier = new ChainVerifier(sha256);
  verifier.check(links);
  return { broken: verifier.finish(head), sealed: verifier.sealed };
}

const headOf = (links: readonly SealedRecord[]) => {
  const last = links.at(-1);
  return last ? { seq: last.chainSeq, hash: last.hash } : EMPTY_CHAIN;
};

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });

  it('says the same for the same values whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: null })).toBe(canonicalJson({ y: null, x: 1 }));
  });
});

describe('sealing', () => {
  it('links each record to the one before, from the genesis hash', () => {
    const links = chain(3);

    expect(links.map((l) => l.chainSeq)).toEqual([1, 2, 3]);
    expect(links[0]!.prevHash).toBe(GENESIS_HASH);
    expect(links[1]!.prevHash).toBe(links[0]!.hash);
    expect(links[0]!.hash).toBe(sha256(GENESIS_HASH + canonicalAuditJson(links[0]!.record, 1)));
    expect(links[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('continues a chain from its head', () => {
    const first = chain(2);
    const next = sealAll(sha256, headOf(first), [record(3)]);

    expect(next.seals[0]).toMatchObject({ chainSeq: 3, prevHash: first[1]!.hash });
    expect(next.head).toEqual({ seq: 3, hash: next.seals[0]!.hash });
  });

  it('hashes the immutable fields, with snake_case names, the time in ISO and the sequence number', () => {
    const json = JSON.parse(canonicalAuditJson(record(1), 7)) as Record<string, unknown>;

    expect(Object.keys(json)).toEqual([
      'action',
      'actor_id',
      'after',
      'at',
      'before',
      'chain_seq',
      'id',
      'request_id',
      'school_id',
      'summary',
      'target_id',
      'target_type',
      'trust_id',
    ]);
    expect(json).toMatchObject({ at: '2026-11-01T09:00:01.000Z', chain_seq: 7 });
  });
});

describe('ChainVerifier', () => {
  it('finds an untouched chain intact, and an empty one too', () => {
    expect(verify(chain(5))).toEqual({ broken: null, sealed: 5 });
    expect(verify([])).toEqual({ broken: null, sealed: 0 });
  });

  it('reports a record whose content changed as altered', () => {
    const links = chain(4);
    links[2] = { ...links[2]!, record: record(3, 'Nothing happened') };

    expect(verify(links).broken).toEqual({ reason: 'altered', recordId: '0190-3', chainSeq: 3 });
  });

  it('reports a record removed from the middle as missing, naming the number and the record in its place', () => {
    const links = chain(4);
    const head = headOf(links);
    links.splice(1, 1);

    expect(verify(links, head).broken).toEqual({ reason: 'missing', recordId: '0190-3', chainSeq: 2 });
  });

  it('reports the newest records removed as missing: the chain ends short of its head', () => {
    const links = chain(4);
    const head = headOf(links);

    expect(verify(links.slice(0, 2), head).broken).toEqual({
      reason: 'missing',
      recordId: null,
      chainSeq: 3,
    });
  });

  it('reports a removal hidden by renumbering (the previous hash matches nothing) as missing', () => {
    const links = chain(4);
    const renumbered = [links[0]!, { ...links[2]!, chainSeq: 2 }, { ...links[3]!, chainSeq: 3 }];

    expect(verify(renumbered, { seq: 3, hash: links[3]!.hash }).broken).toMatchObject({
      reason: 'missing',
      chainSeq: 2,
    });
  });

  it('reports the last record rewritten with a fresh hash as altered: it no longer meets the head', () => {
    const links = chain(3);
    const head = headOf(links);
    const forged = record(3, 'Rewritten');
    const { seals } = sealAll(sha256, { seq: 2, hash: links[1]!.hash }, [forged]);
    links[2] = { record: forged, ...seals[0]! };

    expect(verify(links, head).broken).toEqual({ reason: 'altered', recordId: '0190-3', chainSeq: 3 });
  });

  it('checks a chain batch by batch as it would all at once', () => {
    const links = chain(7);
    links[5] = { ...links[5]!, record: record(6, 'Changed') };
    const verifier = new ChainVerifier(sha256);

    verifier.check(links.slice(0, 3));
    verifier.check(links.slice(3));

    expect(verifier.finish(headOf(links))).toEqual({ reason: 'altered', recordId: '0190-6', chainSeq: 6 });
    expect(verifier.sealed).toBe(7);
  });
});
