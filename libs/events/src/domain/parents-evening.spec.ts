import { planBookForMe, type FreeSlot } from './book-for-me';
import { checkSetup, familyKeyFor, generateSlots, rangesOverlap } from './parents-evening';

const at = (hhmm: string) => new Date(`2026-12-10T${hhmm}:00.000Z`);
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('slot generation', () => {
  it('runs back to back through each window and leaves out slots touching a break', () => {
    const slots = generateSlots({
      slotMinutes: 10,
      teachers: [
        {
          staffId: 't1',
          groupIds: [],
          windows: [range('16:00', '17:05')],
          breaks: [range('16:25', '16:35')],
        },
      ],
    });
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual([
      '16:00',
      '16:10',
      '16:40',
      '16:50',
    ]);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 600_000)).toBe(true);
  });

  it('gives each teacher their own slots, once each, in time order', () => {
    const slots = generateSlots({
      slotMinutes: 15,
      teachers: [
        {
          staffId: 'b',
          groupIds: [],
          windows: [range('16:00', '16:30'), range('16:15', '16:30')],
          breaks: [],
        },
        { staffId: 'a', groupIds: [], windows: [range('16:15', '16:30')], breaks: [] },
      ],
    });
    expect(slots.map((s) => `${s.staffId}@${s.startsAt.toISOString().slice(11, 16)}`)).toEqual([
      'b@16:00',
      'a@16:15',
      'b@16:15',
    ]);
  });

  it('rejects a setup without teachers, a bad length or a video evening without a link', () => {
    expect(() =>
      checkSetup({ slotMinutes: 2, mode: 'video', videoLink: null, separateBookings: false, teachers: [] }),
    ).toThrow('not valid');
  });
});

describe('book for me', () => {
  const slot = (id: string, staffId: string, from: string, to: string): FreeSlot => ({
    id,
    staffId,
    startsAt: at(from),
    endsAt: at(to),
  });
  const free = [
    slot('a1', 'A', '16:00', '16:10'),
    slot('a2', 'A', '16:10', '16:20'),
    slot('a3', 'A', '16:20', '16:30'),
    slot('b1', 'B', '16:00', '16:10'),
    slot('b2', 'B', '16:10', '16:20'),
    slot('b3', 'B', '16:20', '16:30'),
    slot('b4', 'B', '16:30', '16:40'),
    slot('b5', 'B', '16:40', '16:50'),
  ];

  it('picks the earliest clash-free set, shared teachers included, keeping the gap', () => {
    const plan = planBookForMe({
      needs: [
        { pupilId: 'kid1', staffId: 'A' },
        { pupilId: 'kid1', staffId: 'B' },
        { pupilId: 'kid2', staffId: 'B' },
      ],
      free,
      busy: [],
      window: range('16:00', '17:00'),
      gapMs: 0,
    });
    expect(plan.status).toBe('planned');
    const picked = plan.status === 'planned' ? plan.picks : [];
    const times = picked.map((p) => free.find((s) => s.id === p.slotId)!);
    for (const [i, a] of times.entries()) {
      for (const b of times.slice(i + 1)) {
        expect(rangesOverlap({ from: a.startsAt, to: a.endsAt }, { from: b.startsAt, to: b.endsAt })).toBe(
          false,
        );
      }
    }
    expect(new Set(picked.map((p) => p.slotId)).size).toBe(3);
    expect(Math.max(...times.map((t) => t.endsAt.getTime()))).toBe(at('16:30').getTime());
  });

  it('respects the minimum gap, the window and what the parent already holds', () => {
    const plan = planBookForMe({
      needs: [
        { pupilId: 'kid1', staffId: 'A' },
        { pupilId: 'kid2', staffId: 'B' },
      ],
      free,
      busy: [range('16:00', '16:10')],
      window: range('16:00', '17:00'),
      gapMs: 10 * 60_000,
    });
    expect(plan).toEqual({
      status: 'planned',
      picks: expect.arrayContaining([
        { pupilId: 'kid1', staffId: 'A', slotId: 'a3' },
        { pupilId: 'kid2', staffId: 'B', slotId: 'b5' },
      ]),
    });
  });

  it('answers which teachers could not be fitted', () => {
    const plan = planBookForMe({
      needs: [
        { pupilId: 'kid1', staffId: 'A' },
        { pupilId: 'kid2', staffId: 'B' },
        { pupilId: 'kid2', staffId: 'C' },
      ],
      free,
      busy: [],
      window: range('16:00', '16:10'),
      gapMs: 0,
    });
    expect(plan.status).toBe('unfitted');
    expect(plan.status === 'unfitted' && plan.unfitted.map((n) => n.staffId).sort()).toEqual(['B', 'C']);
  });
});

describe('separated parents', () => {
  it('gives each guardian with parental responsibility their own booking only where the school allows it', () => {
    expect(familyKeyFor(true, 'mum', true)).toBe('mum');
    expect(familyKeyFor(true, 'dad', true)).toBe('dad');
    expect(familyKeyFor(false, 'mum', true)).toBe('');
    expect(familyKeyFor(false, 'dad', true)).toBe('');
  });

  it('books a contact without parental responsibility under the family’s shared booking', () => {
    expect(familyKeyFor(true, 'grandad', false)).toBe('');
    expect(familyKeyFor(false, 'grandad', false)).toBe('');
  });
});
