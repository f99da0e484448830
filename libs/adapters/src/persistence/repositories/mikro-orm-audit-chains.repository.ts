import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import {
  AuditChains,
  AuditRecord,
  EMPTY_CHAIN,
  PLATFORM_CHAIN,
  type AuditChainKey,
  type ChainHead,
  type SealBatch,
  type SealedRecord,
} from '@rowan/access';
import type { SchoolId } from '@rowan/kernel';
import { runSql, selectRows } from '../directory/bulk-sql';
import { UNSCOPED } from '../tenant-filter';

const schoolOf = (chain: AuditChainKey): SchoolId | null => (chain === PLATFORM_CHAIN ? null : chain);

/**
 * The chains live beside the records (`chain_seq`, `prev_hash`, `hash` on `audit_records`) with one head row
 * per chain (`audit_chain_heads`). Growing a chain locks its head row (`SELECT … FOR UPDATE`) for the length of
 * the transaction, so a second sealer waits, then reads the head the first one left: chains never fork, and
 * audited writes (which never touch the head) never wait for a sealer.
 */
@Injectable()
export class MikroOrmAuditChains extends AuditChains {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async withUnsealed(before: Date): Promise<AuditChainKey[]> {
    const rows = await selectRows<{ school_id: string | null }>(
      this.em,
      'select distinct school_id from audit_records where chain_seq is null and `at` < ?',
      [before],
    );
    return rows.map((r) => (r.school_id ?? PLATFORM_CHAIN) as AuditChainKey);
  }

  async extend(chain: AuditChainKey, before: Date, limit: number, seal: SealBatch): Promise<number> {
    // The head row exists before the transaction that locks it: an INSERT IGNORE inside would take a shared lock
    // on the existing row, and two sealers each holding one while asking for the exclusive lock would deadlock.
    await runSql(
      this.em.fork(),
      'insert ignore into audit_chain_heads (chain_key, last_seq, last_hash, updated_at) values (?, 0, ?, ?)',
      [chain, EMPTY_CHAIN.hash, new Date()],
    );
    // A fork of its own, so no record loaded earlier (and not yet sealed in memory) is taken for the stored one.
    return this.em.fork().transactional(async (em) => {
      const [locked] = await selectRows<{ last_seq: number | string; last_hash: string }>(
        em,
        'select last_seq, last_hash from audit_chain_heads where chain_key = ? for update',
        [chain],
      );
      const head: ChainHead = {
        seq: Number(locked?.last_seq ?? 0),
        hash: locked?.last_hash ?? EMPTY_CHAIN.hash,
      };
      // Read after the lock: this transaction's snapshot starts here, so it sees what the last sealer sealed.
      const records = await em.find(
        AuditRecord,
        { schoolId: schoolOf(chain), chainSeq: null, at: { $lt: before } },
        { ...UNSCOPED, orderBy: [{ at: 'asc' }, { id: 'asc' }], limit },
      );
      if (records.length === 0) {
        return 0;
      }
      const sealed = seal(head, records);
      for (const s of sealed.seals) {
        const changed = await runSql(
          em,
          'update audit_records set chain_seq = ?, prev_hash = ?, hash = ? where id = ? and chain_seq is null',
          [s.chainSeq, s.prevHash, s.hash, s.recordId],
        );
        if (changed !== 1) {
          throw new Error(`Audit record ${s.recordId} was sealed by someone else while its chain was locked`);
        }
      }
      await runSql(
        em,
        'update audit_chain_heads set last_seq = ?, last_hash = ?, updated_at = ? where chain_key = ?',
        [sealed.head.seq, sealed.head.hash, new Date(), chain],
      );
      return sealed.seals.length;
    });
  }

  async head(chain: AuditChainKey): Promise<ChainHead> {
    const [row] = await selectRows<{ last_seq: number | string; last_hash: string }>(
      this.em,
      'select last_seq, last_hash from audit_chain_heads where chain_key = ?',
      [chain],
    );
    return row ? { seq: Number(row.last_seq), hash: row.last_hash } : EMPTY_CHAIN;
  }

  async sealed(
    chain: AuditChainKey,
    afterSeq: number,
    uptoSeq: number,
    limit: number,
  ): Promise<SealedRecord[]> {
    const em = this.em.fork();
    const records = await em.find(
      AuditRecord,
      { schoolId: schoolOf(chain), chainSeq: { $gt: afterSeq, $lte: uptoSeq } },
      { ...UNSCOPED, orderBy: { chainSeq: 'asc' }, limit },
    );
    return records.map((record) => ({
      record,
      chainSeq: Number(record.chainSeq),
      prevHash: record.prevHash ?? '',
      hash: record.hash ?? '',
    }));
  }

  countUnsealed(chain: AuditChainKey, before: Date): Promise<number> {
    return this.em
      .fork()
      .count(AuditRecord, { schoolId: schoolOf(chain), chainSeq: null, at: { $lt: before } }, UNSCOPED);
  }
}
