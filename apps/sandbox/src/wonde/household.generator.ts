import type { ContactDetailsGenerator } from './contact-details.generator';
import { GENERATED_BEFORE, randomInstant } from './wonde-dates';
import type { NamePool, PoolName } from './name-pools.data';
import type { Address, ContactRecord, Gender } from './school-records';
import type { SeededRandom } from './seeded-random';
import type { WondeIds } from './wonde-ids';

/**
 * The adults of one family and how they relate to its children. Separated parents both hold parental
 * responsibility but live apart; some adults have no email, no mobile, or share a mobile with a partner.
 */
export interface HouseholdAdult {
  readonly contact: ContactRecord;
  readonly relationship: string;
  readonly parentalResponsibility: boolean;
  readonly livesWithPupil: boolean;
}

interface Role {
  readonly relationship: string;
  readonly gender: Gender;
  readonly parentalResponsibility: boolean;
  readonly livesWithPupil: boolean;
  readonly ownAddress: boolean;
}

const MOTHER: Role = {
  relationship: 'Mother',
  gender: 'FEMALE',
  parentalResponsibility: true,
  livesWithPupil: true,
  ownAddress: false,
};
const FATHER: Role = { ...MOTHER, relationship: 'Father', gender: 'MALE' };
const AWAY_FATHER: Role = { ...FATHER, livesWithPupil: false, ownAddress: true };
const STEP_FATHER: Role = { ...FATHER, relationship: 'Step Father', parentalResponsibility: false };
const GRANDMOTHER: Role = {
  ...MOTHER,
  relationship: 'Grandmother',
  parentalResponsibility: false,
  livesWithPupil: false,
  ownAddress: true,
};
const GRANDFATHER: Role = { ...GRANDMOTHER, relationship: 'Grandfather', gender: 'MALE' };
const AUNT: Role = { ...GRANDMOTHER, relationship: 'Aunt' };
const CARER: Role = { ...MOTHER, relationship: 'Foster Carer', parentalResponsibility: false };
const LONE_ADULTS = [
  [MOTHER, 78],
  [FATHER, 18],
  [CARER, 4],
] as const;
/** About 2.3 adults per family, which gives about 1.75 contacts per pupil once siblings share them. */
const ADULT_COUNTS = [
  [1, 14],
  [2, 50],
  [3, 26],
  [4, 10],
] as const;
/** How many adults give no email, no mobile, or neither. */
const REACH = [
  ['both', 88],
  ['no-email', 6],
  ['no-mobile', 4],
  ['neither', 2],
] as const;

export class HouseholdGenerator {
  constructor(
    private readonly random: SeededRandom,
    private readonly ids: WondeIds,
    private readonly details: ContactDetailsGenerator,
  ) {}

  /** 1–4 adults (about 2.4 on average), first the main contact. */
  adults(pool: NamePool, familySurname: PoolName, otherSurname: PoolName): HouseholdAdult[] {
    const roles = this.roles();
    const home = this.details.address();
    const landline = this.random.chance(0.35) ? this.details.landline() : null;
    const adults: HouseholdAdult[] = [];
    for (const role of roles) {
      const surname =
        role.relationship === 'Mother' && this.random.chance(0.2) ? otherSurname : familySurname;
      const contact = this.contact(pool, role, surname, role.ownAddress ? this.details.address() : home);
      contact.homePhone = role.ownAddress
        ? this.random.chance(0.3)
          ? this.details.landline()
          : null
        : landline;
      adults.push({ contact, ...role });
    }
    this.maybeShareMobile(adults);
    return adults;
  }

  private roles(): Role[] {
    const count = this.random.weighted(ADULT_COUNTS);
    const separated = count >= 2 && this.random.chance(0.2);
    const parents = this.random.chance(0.03) ? [MOTHER, MOTHER] : [MOTHER, FATHER];
    if (count === 1) {
      return [this.random.weighted(LONE_ADULTS)];
    }
    const base = separated ? [MOTHER, AWAY_FATHER] : parents;
    const extras = separated ? [STEP_FATHER, GRANDMOTHER, AUNT] : [GRANDMOTHER, GRANDFATHER, AUNT];
    return [...base, ...this.random.sample(extras, count - 2)];
  }

  private contact(pool: NamePool, role: Role, surname: PoolName, address: Address): ContactRecord {
    const forename = this.random.pick(role.gender === 'FEMALE' ? pool.female : pool.male);
    const native = pool.nativeScript && this.random.chance(0.5);
    const reach = this.random.weighted(REACH);
    const createdAt = randomInstant(this.random, '2019-06-01', '2025-08-01');
    return {
      id: this.ids.id(),
      misId: this.ids.personMisId(),
      title: this.title(role.gender),
      forename: native ? forename.text : forename.latin,
      surname: native ? surname.text : surname.latin,
      middleNames: null,
      gender: role.gender,
      email: reach === 'both' || reach === 'no-mobile' ? this.details.personalEmail(forename, surname) : null,
      workEmail: this.random.chance(0.05) ? this.details.personalEmail(forename, surname) : null,
      mobile: reach === 'both' || reach === 'no-email' ? this.details.mobile() : null,
      homePhone: null,
      workPhone: this.random.chance(0.1) ? this.details.landline() : null,
      address,
      pupilIds: [],
      createdAt,
      updatedAt: createdAt + this.random.below(GENERATED_BEFORE - createdAt),
    };
  }

  private title(gender: Gender): string | null {
    if (this.random.chance(0.05)) {
      return null;
    }
    if (this.random.chance(0.03)) {
      return 'Dr';
    }
    return gender === 'MALE'
      ? 'Mr'
      : this.random.weighted([
          ['Mrs', 6],
          ['Ms', 3],
          ['Miss', 2],
        ] as const);
  }

  /** Some couples give the school one shared mobile. */
  private maybeShareMobile(adults: HouseholdAdult[]): void {
    const [first, second] = adults;
    if (first && second && second.livesWithPupil && first.contact.mobile && this.random.chance(0.06)) {
      second.contact.mobile = first.contact.mobile;
    }
  }
}
