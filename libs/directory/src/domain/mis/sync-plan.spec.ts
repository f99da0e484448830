import { missingFrom, planWrites, type StoredFingerprint } from './sync-plan';

const stored = new Map<string, StoredFingerprint>([
  ['a', { id: 'id-a', fingerprint: 'fa', active: true }],
  ['b', { id: 'id-b', fingerprint: 'fb', active: true }],
  ['c', { id: 'id-c', fingerprint: 'fc', active: false }],
  ['d', { id: 'id-d', fingerprint: 'fd', active: true }],
]);

describe('planWrites', () => {
  it('writes new and changed records, returns left ones, and skips the unchanged', () => {
    let n = 0;
    const plan = planWrites(
      [
        { record: { misId: 'a' }, fingerprint: 'fa' },
        { record: { misId: 'b' }, fingerprint: 'fb2' },
        { record: { misId: 'c' }, fingerprint: 'fc' },
        { record: { misId: 'e' }, fingerprint: 'fe' },
      ],
      stored,
      () => `new-${++n}`,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.writes).toEqual([
      { id: 'id-b', record: { misId: 'b' }, isNew: false },
      { id: 'id-c', record: { misId: 'c' }, isNew: false },
      { id: 'new-1', record: { misId: 'e' }, isNew: true },
    ]);
  });
});

describe('missingFrom', () => {
  it('lists active records the MIS no longer sends, not ones already gone', () => {
    expect(missingFrom(new Set(['a', 'b']), stored)).toEqual(['d']);
  });
});
