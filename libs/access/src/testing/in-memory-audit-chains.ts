import { AuditChains, type SealBatch } from '../application/ports/audit-chains';
import { SignInLedger, type SignInClaim } from '../application/ports/sign-in-ledger';
import {
  chainOf,
  EMPTY_CHAIN,
  type AuditChainKey,
  type AuditSeal,
  type ChainHead,
  type SealedRecord,
} from '../domain/audit-chain';
import type { InMemoryAuditTrail } from './in-memory-audit-trail';
import type { InMemoryUnitOfWork, UnitParticipant } from './in-memory-unit-of-work';

/** The committed audit records' chains, with the seals kept beside them (as the columns are in MariaDB). */
export class InMemoryAuditChains extends AuditChains {
  private readonly seals = new Map<string, AuditSeal>();
  private readonly heads = new Map<AuditChainKey, ChainHead>();

  constructor(private readonly trail: InMemoryAuditTrail) {
    super();
  }

  withUnsealed(before: Date): Promise<AuditChainKey[]> {
    return Promise.resolve([...new Set(this.unsealed(before).map((r) => chainOf(r.schoolId)))]);
  }

  extend(chain: AuditChainKey, before: Date, limit: number, seal: SealBatch): Promise<number> {
    const records = this.unsealed(before)
      .filter((r) => chainOf(r.schoolId) === chain)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
    if (records.length === 0) {
      return Promise.resolve(0);
    }
    const sealed = seal(this.heads.get(chain) ?? EMPTY_CHAIN, records);
    sealed.seals.forEach((s) => this.seals.set(s.recordId, s));
    this.heads.set(chain, sealed.head);
    return Promise.resolve(sealed.seals.length);
  }

  head(chain: AuditChainKey): Promise<ChainHead> {
    return Promise.resolve(this.heads.get(chain) ?? EMPTY_CHAIN);
  }

  sealed(chain: AuditChainKey, afterSeq: number, uptoSeq: number, limit: number): Promise<SealedRecord[]> {
    const links = this.trail
      .records()
      .flatMap((record) => {
        const seal = this.seals.get(record.id);
        return seal && chainOf(record.schoolId) === chain ? [{ record, ...seal }] : [];
      })
      .filter((l) => l.chainSeq > afterSeq && l.chainSeq <= uptoSeq)
      .sort((a, b) => a.chainSeq - b.chainSeq)
      .slice(0, limit);
    return Promise.resolve(links);
  }

  countUnsealed(chain: AuditChainKey, before: Date): Promise<number> {
    return Promise.resolve(this.unsealed(before).filter((r) => chainOf(r.schoolId) === chain).length);
  }

  /** The seal a record was given, if any. */
  sealOf(recordId: string): AuditSeal | undefined {
    return this.seals.get(recordId);
  }

  private unsealed(before: Date) {
    return this.trail.records().filter((r) => !this.seals.has(r.id) && r.at < before);
  }
}

/** Sign-in sessions claimed, kept only when the unit of work commits. */
export class InMemorySignInLedger extends SignInLedger implements UnitParticipant {
  private readonly stored = new Map<string, Date>();
  private staged = new Map<string, Date>();

  constructor(uow: InMemoryUnitOfWork) {
    super();
    uow.enlist(this);
  }

  claim(claim: SignInClaim): Promise<boolean> {
    if (this.stored.has(claim.key) || this.staged.has(claim.key)) {
      return Promise.resolve(false);
    }
    this.staged.set(claim.key, claim.keepUntil);
    return Promise.resolve(true);
  }

  forgetExpired(now: Date, limit: number): Promise<number> {
    const expired = [...this.stored].filter(([, until]) => until < now).slice(0, limit);
    expired.forEach(([key]) => this.stored.delete(key));
    return Promise.resolve(expired.length);
  }

  check(): void {
    // Claims of one key are refused as they are made.
  }

  apply(): void {
    this.staged.forEach((until, key) => this.stored.set(key, until));
    this.staged = new Map();
  }

  discard(): void {
    this.staged = new Map();
  }
}
