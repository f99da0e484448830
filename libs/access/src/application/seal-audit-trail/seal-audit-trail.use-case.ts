import { Injectable } from '@nestjs/common';
import { Clock } from '@rowan/kernel';
import { sealAll } from '../../domain/audit-chain';
import { sha256Hex } from '../audit-digest';
import { AuditChains, AuditChainSettings } from '../ports/audit-chains';

export interface SealAuditTrailInput {
  /** Records per chain per transaction. */
  readonly batch?: number;
}

export interface SealAuditTrailResult {
  readonly sealed: number;
  readonly chains: number;
}

const BATCH = 500;

/**
 * Seals every audit record older than the grace period onto the end of its chain. Records are written inside
 * the business transactions, concurrently, without a shared lock; sealing them afterwards, one chain at a time,
 * keeps that path free. A record that commits late is sealed at the chain's end when it appears. Running twice,
 * or on two workers at once, seals each record once (the chain's head is locked while it grows).
 */
@Injectable()
export class SealAuditTrailUseCase {
  constructor(
    private readonly chains: AuditChains,
    private readonly settings: AuditChainSettings,
    private readonly clock: Clock,
  ) {}

  async execute(input: SealAuditTrailInput = {}): Promise<SealAuditTrailResult> {
    const batch = input.batch ?? BATCH;
    const before = new Date(this.clock.now().getTime() - this.settings.graceMs);
    const chains = await this.chains.withUnsealed(before);
    let sealed = 0;
    for (const chain of chains) {
      for (;;) {
        const n = await this.chains.extend(chain, before, batch, (head, records) =>
          sealAll(sha256Hex, head, records),
        );
        sealed += n;
        if (n < batch) {
          break;
        }
      }
    }
    return { sealed, chains: chains.length };
  }
}
