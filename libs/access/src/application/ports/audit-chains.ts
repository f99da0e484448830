import type { AuditChainKey, AuditSeal, ChainHead, SealedRecord } from '../../domain/audit-chain';
import type { AuditRecord } from '../../domain/audit-record';

/** How one batch of a chain is sealed: from the chain's head and its next records, their seals and the new head. */
export type SealBatch = (
  head: ChainHead,
  records: readonly AuditRecord[],
) => { readonly seals: readonly AuditSeal[]; readonly head: ChainHead };

/** The audit records' hash chains, as stored beside the records. */
export abstract class AuditChains {
  /** Chains holding records older than `before` that are not sealed yet. */
  abstract withUnsealed(before: Date): Promise<AuditChainKey[]>;

  /**
   * In one transaction, holding the chain's head locked (so two sealers never fork a chain): the chain's unsealed
   * records older than `before`, in (at, id) order, at most `limit`, sealed by `seal`, and the head moved on.
   * Answers how many were sealed.
   */
  abstract extend(chain: AuditChainKey, before: Date, limit: number, seal: SealBatch): Promise<number>;

  /** Where the chain last grew to: its head as the sealer left it. */
  abstract head(chain: AuditChainKey): Promise<ChainHead>;

  /** Sealed records with `afterSeq < chain_seq <= uptoSeq`, in sequence order, at most `limit`. */
  abstract sealed(
    chain: AuditChainKey,
    afterSeq: number,
    uptoSeq: number,
    limit: number,
  ): Promise<SealedRecord[]>;

  /** Records older than `before` still waiting for the sealer. */
  abstract countUnsealed(chain: AuditChainKey, before: Date): Promise<number>;
}

/** How long a record must have existed before it is sealed: a transaction still open then has had time to end. */
export class AuditChainSettings {
  constructor(readonly graceMs: number) {}
}
