import type { TimeRange } from './parents-evening';

/** One appointment the parent needs: this child with this teacher. */
export interface Need {
  readonly pupilId: string;
  readonly staffId: string;
}

export interface FreeSlot {
  readonly id: string;
  readonly staffId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface PlanInput {
  readonly needs: readonly Need[];
  readonly free: readonly FreeSlot[];
  /** The parent's appointments already held or booked: the plan keeps clear of them too. */
  readonly busy: readonly TimeRange[];
  readonly window: TimeRange;
  readonly gapMs: number;
}

export type Plan =
  | { readonly status: 'planned'; readonly picks: readonly (Need & { readonly slotId: string })[] }
  | { readonly status: 'unfitted'; readonly unfitted: readonly Need[] };

/** Search bound: an evening's needs are a handful, so this is only a guard against a pathological grid. */
const MAX_STEPS = 50_000;

const clear = (a: TimeRange, b: TimeRange, gapMs: number) =>
  a.to.getTime() + gapMs <= b.from.getTime() || b.to.getTime() + gapMs <= a.from.getTime();

/**
 * 'Book for me': the earliest set of slots, one per need, inside the parent's window, no two closer than the gap
 * (nor to what the parent already holds). Needs with the fewest choices go first; each takes its earliest slot
 * that fits, backtracking when a later need cannot. When no full set exists, answers the needs that could not be
 * fitted alongside the others (in the order tried).
 */
export function planBookForMe(input: PlanInput): Plan {
  const inWindow = (s: FreeSlot) =>
    s.startsAt.getTime() >= input.window.from.getTime() && s.endsAt.getTime() <= input.window.to.getTime();
  const candidates = input.needs.map((need) => ({
    need,
    slots: input.free
      .filter((s) => s.staffId === need.staffId && inWindow(s))
      .filter((s) => input.busy.every((b) => clear(b, { from: s.startsAt, to: s.endsAt }, input.gapMs)))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  }));
  candidates.sort((a, b) => a.slots.length - b.slots.length);
  const chosen: FreeSlot[] = [];
  let steps = 0;
  const fits = (s: FreeSlot) =>
    chosen.every(
      (c) =>
        c.id !== s.id &&
        clear({ from: c.startsAt, to: c.endsAt }, { from: s.startsAt, to: s.endsAt }, input.gapMs),
    );
  const search = (i: number): boolean => {
    if (i === candidates.length) {
      return true;
    }
    for (const slot of candidates[i]!.slots) {
      if (++steps > MAX_STEPS) {
        return false;
      }
      if (fits(slot)) {
        chosen.push(slot);
        if (search(i + 1)) {
          return true;
        }
        chosen.pop();
      }
    }
    return false;
  };
  if (search(0)) {
    return {
      status: 'planned',
      picks: candidates.map((c, i) => ({ ...c.need, slotId: chosen[i]!.id })),
    };
  }
  chosen.length = 0;
  const unfitted: Need[] = [];
  for (const c of candidates) {
    const slot = c.slots.find(fits);
    if (slot) {
      chosen.push(slot);
    } else {
      unfitted.push(c.need);
    }
  }
  return { status: 'unfitted', unfitted };
}
