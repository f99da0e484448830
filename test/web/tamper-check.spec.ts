import { verdictOf } from '../../apps/web/src/features/audit/tamper-check';

/** What the audit page says about the school's hash chain. */
describe('verdictOf', () => {
  it('says the chain is intact, with how many entries are sealed and how many wait', () => {
    expect(verdictOf({ intact: true, sealed: 42, unsealed: 0 })).toEqual({
      intact: true,
      text: 'Tamper check: chain intact (42 sealed).',
    });
    expect(verdictOf({ intact: true, sealed: 3, unsealed: 1 }).text).toBe(
      'Tamper check: chain intact (3 sealed). 1 newer entry is waiting to be sealed.',
    );
  });

  it('names the first entry changed, or removed', () => {
    const altered = verdictOf({
      intact: false,
      sealed: 5,
      unsealed: 0,
      firstBroken: { reason: 'altered', recordId: 'rec-3', chainSeq: 3 },
    });
    expect(altered.intact).toBe(false);
    expect(altered.text).toContain('entry 3 (rec-3) was changed');
    expect(
      verdictOf({
        intact: false,
        sealed: 4,
        unsealed: 0,
        firstBroken: { reason: 'missing', recordId: 'rec-4', chainSeq: 2 },
      }).text,
    ).toContain('entry 2 was removed (just before rec-4)');
    expect(
      verdictOf({
        intact: false,
        sealed: 2,
        unsealed: 0,
        firstBroken: { reason: 'missing', recordId: null, chainSeq: 3 },
      }).text,
    ).toContain('the newest entries, from entry 3, were removed');
  });
});
