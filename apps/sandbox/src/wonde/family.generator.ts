import type { HouseholdGenerator } from './household.generator';
import { NAME_POOLS, type NamePool, type PoolName } from './name-pools.data';
import type { Characteristics, ContactRecord, Gender, Phase, PupilRecord } from './school-records';
import type { SeededRandom } from './seeded-random';
import { ACADEMIC_YEAR_START, birthRange, dayStart, GENERATED_BEFORE, randomDate } from './wonde-dates';
import type { WondeIds } from './wonde-ids';

export interface GeneratedFamily {
  readonly pupils: PupilRecord[];
  readonly contacts: ContactRecord[];
}

const POOL_WEIGHTS = NAME_POOLS.map((pool) => [pool, pool.weight] as const);
const SEN_CODES = [
  ['E', 2],
  ['K', 12],
  ['N', 86],
] as const;

/**
 * One family: children (siblings share every contact record), their adults, and family-level traits such
 * as free school meals. Group and class places are filled in later by the structure generator.
 */
export class FamilyGenerator {
  constructor(
    private readonly random: SeededRandom,
    private readonly ids: WondeIds,
    private readonly households: HouseholdGenerator,
    private readonly phase: Phase,
  ) {}

  family(familyId: number, ncYears: readonly string[]): GeneratedFamily {
    const pool = this.random.weighted(POOL_WEIGHTS);
    const familySurname = this.random.pick(pool.surnames);
    const otherSurname = this.random.pick(pool.surnames);
    const hyphenated = !pool.nativeScript && familySurname !== otherSurname && this.random.chance(0.05);
    const childSurname: PoolName = hyphenated
      ? {
          text: `${otherSurname.text}-${familySurname.text}`,
          latin: `${otherSurname.latin}-${familySurname.latin}`,
        }
      : familySurname;
    const adults = this.households.adults(pool, familySurname, otherSurname);
    const freeSchoolMeals = this.random.chance(0.2);
    const pupils = ncYears.map((ncYear) => this.pupil(familyId, pool, childSurname, ncYear, freeSchoolMeals));
    for (const pupil of pupils) {
      adults.forEach((adult, index) => {
        pupil.contacts.push({
          contactId: adult.contact.id,
          relationship: adult.relationship,
          parentalResponsibility: adult.parentalResponsibility,
          priority: index + 1,
          livesWithPupil: adult.livesWithPupil,
        });
        adult.contact.pupilIds.push(pupil.id);
      });
    }
    return { pupils, contacts: adults.map((adult) => adult.contact) };
  }

  private pupil(
    familyId: number,
    pool: NamePool,
    surname: PoolName,
    ncYear: string,
    freeSchoolMeals: boolean,
  ): PupilRecord {
    const gender: Gender = this.random.chance(0.5) ? 'FEMALE' : 'MALE';
    const names = gender === 'FEMALE' ? pool.female : pool.male;
    const forename = this.random.pick(names);
    const middle = this.random.chance(0.35) ? this.random.pick(names).latin : null;
    const legalNative = pool.nativeScript && this.random.chance(0.4);
    const year = ncYear === 'R' ? 0 : Number(ncYear);
    const born = birthRange(year);
    const entryYear = ACADEMIC_YEAR_START - (this.phase === 'primary' || year < 7 ? year : year - 7);
    const admissionDate = this.random.chance(0.9)
      ? `${entryYear}-09-0${this.random.int(1, 6)}`
      : randomDate(
          this.random,
          `${entryYear}-09-01`,
          `${entryYear < ACADEMIC_YEAR_START ? entryYear + 1 : ACADEMIC_YEAR_START}-09-05`,
        );
    const admittedAt = dayStart(admissionDate) + 8 * 3_600_000;
    const createdAt = admittedAt < GENERATED_BEFORE - 86_400_000 ? admittedAt : GENERATED_BEFORE - 86_400_000;
    const misId = this.ids.personMisId();
    return {
      id: this.ids.id(),
      misId,
      familyId,
      upn: this.ids.upn(ACADEMIC_YEAR_START - year),
      admissionNumber: misId.padStart(6, '0'),
      forename: forename.latin,
      surname: surname.latin,
      middleNames: middle,
      legalForename: legalNative ? forename.text : forename.latin,
      legalSurname: legalNative ? surname.text : surname.latin,
      gender,
      dateOfBirth: randomDate(this.random, born.from, born.to),
      ncYear,
      yearGroupId: '',
      registrationGroupId: '',
      houseId: null,
      classIds: [],
      groupIds: [],
      contacts: [],
      characteristics: this.characteristics(pool, freeSchoolMeals),
      email: null,
      admissionDate,
      leavingDate: null,
      status: 'on-roll',
      createdAt,
      updatedAt: createdAt + this.random.below(GENERATED_BEFORE - createdAt),
    };
  }

  /** PP ≈ 25 %, FSM ≈ 20 % (by family), SEN support ≈ 12 %, EHC plan ≈ 2 %, EAL ≈ 20 %. */
  private characteristics(pool: NamePool, freeSchoolMeals: boolean): Characteristics {
    const freeSchoolMeals6 = freeSchoolMeals || this.random.chance(0.06);
    const eal = this.random.chance(pool.ealRate);
    return {
      sen: this.random.weighted(SEN_CODES),
      pupilPremium: freeSchoolMeals6 || this.random.chance(0.01),
      freeSchoolMeals,
      freeSchoolMeals6,
      eal,
      firstLanguage: eal ? pool.firstLanguage : 'English',
      ethnicity: pool.ethnicity,
    };
  }
}
