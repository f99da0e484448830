/** The characteristics an event may target (EAL is a messaging filter, not an eligibility rule). */
export const ELIGIBILITY_CHARACTERISTICS = ['pupil_premium', 'free_school_meals', 'sen'] as const;
export type EligibilityCharacteristic = (typeof ELIGIBILITY_CHARACTERISTICS)[number];

/**
 * Who an event is for, as rules over the directory (the same reading as a message audience): pupils on roll in
 * any of the years or groups or named; none of those means the whole school. Characteristics then narrow them to
 * pupils with any of those.
 */
export interface Eligibility {
  readonly ncYears: readonly number[];
  readonly groupIds: readonly string[];
  readonly pupilIds: readonly string[];
  readonly characteristics: readonly EligibilityCharacteristic[];
}

/** What the rules look at for one pupil. */
export interface PupilFacts {
  readonly id: string;
  readonly ncYear: number | null;
  readonly groupIds: readonly string[];
  readonly characteristics: readonly EligibilityCharacteristic[];
}

export function isEligible(rules: Eligibility, pupil: PupilFacts): boolean {
  const anySelector = rules.ncYears.length + rules.groupIds.length + rules.pupilIds.length > 0;
  const selected =
    !anySelector ||
    (pupil.ncYear !== null && rules.ncYears.includes(pupil.ncYear)) ||
    pupil.groupIds.some((g) => rules.groupIds.includes(g)) ||
    rules.pupilIds.includes(pupil.id);
  const characterised =
    rules.characteristics.length === 0 ||
    pupil.characteristics.some((c) => rules.characteristics.includes(c));
  return selected && characterised;
}

/** Reserved places are for Pupil Premium and free-school-meals pupils. */
export function mayTakeReservedPlace(characteristics: readonly EligibilityCharacteristic[]): boolean {
  return characteristics.includes('pupil_premium') || characteristics.includes('free_school_meals');
}
