import { Injectable } from '@nestjs/common';
import { Clock, NotFound, type SchoolId } from '@rowan/kernel';
import type { Actor } from '../../domain/actor';
import { ChainVerifier, type ChainBreak } from '../../domain/audit-chain';
import { authorize } from '../../domain/authorize';
import { sha256Hex } from '../audit-digest';
import { AuditChains, AuditChainSettings } from '../ports/audit-chains';
import { SchoolDirectory } from '../ports/school-directory';

export interface VerifyAuditChainInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
}

export interface AuditChainVerification {
  readonly intact: boolean;
  /** Records in the chain. */
  readonly sealed: number;
  /** Records older than the grace period that the sealer has not reached yet. */
  readonly unsealed: number;
  readonly firstBroken?: ChainBreak;
}

const BATCH = 1_000;

/** Recomputes a school's audit chain from its first record: intact, or where it first breaks and how. */
@Injectable()
export class VerifyAuditChainUseCase {
  constructor(
    private readonly directory: SchoolDirectory,
    private readonly chains: AuditChains,
    private readonly settings: AuditChainSettings,
    private readonly clock: Clock,
  ) {}

  async execute(input: VerifyAuditChainInput): Promise<AuditChainVerification> {
    const school = await this.directory.findSchool(input.schoolId);
    if (!school) {
      throw new NotFound('School');
    }
    authorize(input.actor, 'audit:read', { trustId: school.trustId, schoolId: school.id });
    const before = new Date(this.clock.now().getTime() - this.settings.graceMs);
    // The head first: every record up to it had committed when it was read.
    const head = await this.chains.head(school.id);
    const unsealed = await this.chains.countUnsealed(school.id, before);
    const verifier = new ChainVerifier(sha256Hex);
    let after = 0;
    for (;;) {
      const links = await this.chains.sealed(school.id, after, head.seq, BATCH);
      verifier.check(links);
      const last = links.at(-1);
      if (!last || links.length < BATCH) {
        break;
      }
      after = last.chainSeq;
    }
    const firstBroken = verifier.finish(head);
    return {
      intact: firstBroken === null,
      sealed: verifier.sealed,
      unsealed,
      ...(firstBroken ? { firstBroken } : {}),
    };
  }
}
