import { NotFound } from '@rowan/kernel';
import { NotPermitted } from '../../domain/access.errors';
import { GENESIS_HASH } from '../../domain/audit-chain';
import { AccessTestbed, anAuditRecord } from '../../testing';
import { AuditChainSettings } from '../ports/audit-chains';
import type { SchoolRef } from '../ports/school-directory';
import { VerifyAuditChainUseCase } from '../verify-audit-chain/verify-audit-chain.use-case';
import { SealAuditTrailUseCase } from './seal-audit-trail.use-case';

const GRACE_MS = 2_000;

function setup() {
  const tb = new AccessTestbed();
  const settings = new AuditChainSettings(GRACE_MS);
  const seal = new SealAuditTrailUseCase(tb.auditChains, settings, tb.clock);
  const verify = new VerifyAuditChainUseCase(tb.directory, tb.auditChains, settings, tb.clock);
  const school = tb.givenSchool();
  const admin = tb.givenMember(school, 'school_admin');
  return { tb, seal, verify, school, admin };
}

/** Records written `agoMs` before the clock's now, oldest first. */
function givenRecords(tb: AccessTestbed, school: SchoolRef, count: number, agoMs = 10_000): string[] {
  const records = Array.from({ length: count }, (_, i) =>
    anAuditRecord(tb.ids, {
      schoolId: school.id,
      trustId: school.trustId,
      at: new Date(tb.clock.now().getTime() - agoMs + i),
    }),
  );
  tb.audit.seed(...records);
  return records.map((r) => r.id);
}

describe('SealAuditTrailUseCase', () => {
  it('seals each school’s records into its own chain, in the order they were written', async () => {
    const { tb, seal, school } = setup();
    const other = tb.givenSchool(tb.givenTrust('Elm'), 'Elm Primary');
    const ours = givenRecords(tb, school, 3);
    const theirs = givenRecords(tb, other, 2);

    expect(await seal.execute()).toEqual({ sealed: 5, chains: 2 });

    expect(ours.map((id) => tb.auditChains.sealOf(id)?.chainSeq)).toEqual([1, 2, 3]);
    expect(theirs.map((id) => tb.auditChains.sealOf(id)?.chainSeq)).toEqual([1, 2]);
    expect(tb.auditChains.sealOf(ours[0]!)?.prevHash).toBe(GENESIS_HASH);
    expect(tb.auditChains.sealOf(ours[1]!)?.prevHash).toBe(tb.auditChains.sealOf(ours[0]!)?.hash);
  });

  it('leaves records younger than the grace period for the next run, then seals them at the chain’s end', async () => {
    const { tb, seal, school } = setup();
    const [old] = givenRecords(tb, school, 1);
    const [young] = givenRecords(tb, school, 1, GRACE_MS / 2);

    expect((await seal.execute()).sealed).toBe(1);
    expect(tb.auditChains.sealOf(young!)).toBeUndefined();

    tb.clock.advance(GRACE_MS);
    expect((await seal.execute()).sealed).toBe(1);
    expect(tb.auditChains.sealOf(young!)).toMatchObject({
      chainSeq: 2,
      prevHash: tb.auditChains.sealOf(old!)?.hash,
    });
  });

  it('seals nothing twice: a second run finds nothing to do', async () => {
    const { tb, seal, school } = setup();
    givenRecords(tb, school, 7);

    expect((await seal.execute({ batch: 3 })).sealed).toBe(7);
    expect(await seal.execute()).toEqual({ sealed: 0, chains: 0 });
  });
});

describe('VerifyAuditChainUseCase', () => {
  it('finds a sealed chain intact and counts the records still waiting', async () => {
    const { tb, seal, verify, school, admin } = setup();
    givenRecords(tb, school, 4);
    await seal.execute();
    givenRecords(tb, school, 1, 60_000);
    givenRecords(tb, school, 1, 0);

    await expect(verify.execute({ actor: admin.actor, schoolId: school.id })).resolves.toEqual({
      intact: true,
      sealed: 4,
      unsealed: 1,
    });
  });

  it.each(['office', 'teacher'] as const)('refuses (403) %s staff, as the audit log does', async (role) => {
    const { tb, verify, school } = setup();

    await expect(
      verify.execute({ actor: tb.givenMember(school, role).actor, schoolId: school.id }),
    ).rejects.toThrow(NotPermitted);
  });

  it('answers "not found" to another trust’s administrator', async () => {
    const { tb, verify, school } = setup();
    const theirs = tb.givenMember(tb.givenTrust('Elm'), 'trust_admin').actor;

    await expect(verify.execute({ actor: theirs, schoolId: school.id })).rejects.toThrow(NotFound);
  });
});
