import type { MisCharacteristics } from '../../domain/mis/mis-records';
import { MisSyncTestbed } from '../../testing';

const DAY = 24 * 3600 * 1000;

/**
 * Oak Primary synced on Monday 23 November 2026 with Olivia on SEN support and learning English as an additional
 * language; the clock then moved to the next morning.
 */
async function synced() {
  const tb = new MisSyncTestbed();
  const oak = tb.givenOakPrimary();
  const olivia = {
    ...oak.family.olivia,
    characteristics: { pupilPremium: false, freeSchoolMeals: false, sen: 'sen_support', eal: true } as const,
  };
  oak.mis.putPupils(olivia);
  await tb.sync(oak.school);
  tb.clock.advance(DAY);
  tb.store.forgetCalls();
  const pupilId = tb.store.pupil(oak.school.id, olivia.misId)!.id;
  const periods = () =>
    tb.store
      .characteristicsOf(pupilId)
      .map((c) => ({ id: c.id, kind: c.kind, value: c.value, from: c.effectiveFrom, to: c.effectiveTo }));
  const change = (characteristics: Partial<MisCharacteristics>) =>
    oak.mis.putPupils({ ...olivia, characteristics: { ...olivia.characteristics, ...characteristics } });
  return { tb, ...oak, olivia, periods, change };
}

describe('RunMisSyncUseCase: characteristics', () => {
  it('opens a period from the day of the first sync for each characteristic held', async () => {
    const { periods } = await synced();

    expect(periods()).toEqual([
      { id: expect.any(String), kind: 'sen', value: 'sen_support', from: '2026-11-23', to: null },
      { id: expect.any(String), kind: 'eal', value: 'yes', from: '2026-11-23', to: null },
    ]);
  });

  it.each(['full', 'delta'] as const)(
    'opens a Pupil Premium period today when the pupil gains it (%s sync), keeping the others',
    async (mode) => {
      const { tb, school, periods, change } = await synced();
      const before = periods();
      change({ pupilPremium: true });

      await tb.sync(school, mode);

      expect(periods()).toEqual([
        ...before,
        { id: expect.any(String), kind: 'pupil_premium', value: 'yes', from: '2026-11-24', to: null },
      ]);
    },
  );

  it('closes the Pupil Premium period today when the pupil loses it', async () => {
    const { tb, school, periods, change } = await synced();
    change({ pupilPremium: true });
    await tb.sync(school);
    tb.clock.advance(DAY);
    change({ pupilPremium: false });

    await tb.sync(school);

    expect(periods()).toEqual([
      expect.objectContaining({ kind: 'sen', from: '2026-11-23', to: null }),
      expect.objectContaining({ kind: 'eal', from: '2026-11-23', to: null }),
      expect.objectContaining({ kind: 'pupil_premium', from: '2026-11-24', to: '2026-11-25' }),
    ]);
  });

  it('keeps the periods as they are when nothing about the pupil changed, writing nothing', async () => {
    const { tb, school, periods } = await synced();
    const before = periods();

    await tb.sync(school);

    expect(periods()).toEqual(before);
    expect(tb.store.rowsTouched()).toBe(0);
  });

  it('keeps the periods still held when something else about the pupil changes', async () => {
    const { tb, school, mis, olivia, periods } = await synced();
    const before = periods();
    mis.putPupils({ ...olivia, preferredForename: 'Liv' });

    await tb.sync(school);

    expect(tb.store.written('writePupils')).toEqual([olivia.misId]);
    expect(periods()).toEqual(before);
  });

  it('closes the old SEN period and opens one for the new status when it changes', async () => {
    const { tb, school, periods, change } = await synced();
    change({ sen: 'ehc_plan' });

    await tb.sync(school);

    expect(periods()).toEqual([
      expect.objectContaining({ kind: 'sen', value: 'sen_support', from: '2026-11-23', to: '2026-11-24' }),
      expect.objectContaining({ kind: 'eal', value: 'yes', from: '2026-11-23', to: null }),
      expect.objectContaining({ kind: 'sen', value: 'ehc_plan', from: '2026-11-24', to: null }),
    ]);
  });
});
