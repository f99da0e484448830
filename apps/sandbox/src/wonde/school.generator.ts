import { ContactDetailsGenerator } from './contact-details.generator';
import { FamilyGenerator } from './family.generator';
import { HouseholdGenerator } from './household.generator';
import { SchoolGroupsGenerator } from './school-groups.generator';
import type { ContactRecord, Phase, PupilRecord, SchoolData } from './school-records';
import { SeededRandom } from './seeded-random';
import { generateStaff } from './staff.generator';
import { TeachingClassesGenerator } from './teaching-classes.generator';
import { randomDate } from './wonde-dates';
import { WondeIds } from './wonde-ids';

export interface GenerateSchoolOptions {
  readonly seed: string;
  /** Pupils on roll (what `students` lists). About 3 % more are generated as leavers. */
  readonly pupils: number;
  readonly phase?: Phase;
}

/** About 30 % of families have two or three children at the school. */
const CHILDREN_PER_FAMILY = [
  [1, 70],
  [2, 22],
  [3, 8],
] as const;

const YEARS: Record<Phase, ReadonlyArray<readonly [string, number]>> = {
  primary: [
    ['R', 1],
    ['1', 1],
    ['2', 1],
    ['3', 1],
    ['4', 1],
    ['5', 1],
    ['6', 1],
  ],
  secondary: [
    ['7', 1],
    ['8', 1],
    ['9', 1],
    ['10', 1],
    ['11', 1],
    ['12', 0.6],
    ['13', 0.55],
  ],
};

/**
 * A realistic UK school, the same for the same options: families with shared contacts, year and
 * registration groups, houses, clubs, teaching classes, staff, leavers and pupil characteristics.
 */
export function generateSchool(options: GenerateSchoolOptions): SchoolData {
  const phase = options.phase ?? 'primary';
  const random = new SeededRandom(`${options.seed}:${phase}:${options.pupils}`);
  const establishment = `${phase === 'primary' ? 2 : 4}${random.int(0, 999).toString().padStart(3, '0')}`;
  const ids = new WondeIds(random, String(random.int(201, 938)), establishment);
  const details = new ContactDetailsGenerator(random);
  const domain = `${options.seed.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'school'}.school.example`;

  const slots = random.shuffle([
    ...yearSlots(YEARS[phase], options.pupils).map((ncYear) => ({ ncYear, leaver: false })),
    ...yearSlots(YEARS[phase], Math.round(options.pupils * 0.03)).map((ncYear) => ({ ncYear, leaver: true })),
  ]);
  const everyone = generateFamilies(random, ids, details, phase, slots);
  const onRoll = everyone.pupils.filter((pupil) => pupil.status === 'on-roll');

  const staff = generateStaff(random, ids, details, { pupils: options.pupils, phase, domain });
  for (const pupil of everyone.pupils) {
    if (Number(pupil.ncYear) >= 7) {
      pupil.email = details.pupilEmail(pupil.forename, pupil.surname, domain);
    }
  }
  const teachers = staff.filter((member) => member.role === 'teacher' || member.role === 'head');
  const assistants = staff.filter((member) => member.role === 'assistant');

  const groups = new SchoolGroupsGenerator(random, ids);
  const classes = new TeachingClassesGenerator(random, ids, teachers, assistants);
  const yearGroups = groups.yearGroups(YEARS[phase].map(([ncYear]) => ncYear));
  for (const pupil of everyone.pupils) {
    pupil.yearGroupId = yearGroups.get(pupil.ncYear)?.id ?? '';
  }
  for (const [ncYear, yearGroup] of yearGroups) {
    const inYear = onRoll.filter((pupil) => pupil.ncYear === ncYear);
    inYear.forEach((pupil) => groups.addPupil(yearGroup, pupil));
    const forms = groups.registration(phase, yearGroup, [...inYear], teachers);
    if (phase === 'primary') {
      classes.primaryYear(ncYear, forms, inYear);
    } else {
      classes.secondaryYear(ncYear, inYear);
    }
  }
  groups.houses(phase, onRoll, teachers.slice(1, 5));
  groups.clubs(onRoll, [...teachers, ...assistants]);

  return {
    seed: options.seed,
    phase,
    domain,
    pupils: new Map(everyone.pupils.map((pupil) => [pupil.id, pupil])),
    contacts: new Map(everyone.contacts.map((contact) => [contact.id, contact])),
    employees: new Map(staff.map((member) => [member.id, member])),
    groups: new Map(groups.groups.map((group) => [group.id, group])),
    classes: new Map(classes.classes.map((klass) => [klass.id, klass])),
    subjects: new Map([...classes.subjects.values()].map((subject) => [subject.id, subject])),
    deletions: [],
  };
}

/** Pupils are dealt year places (on roll or leaver) family by family, so siblings land in random years. */
function generateFamilies(
  random: SeededRandom,
  ids: WondeIds,
  details: ContactDetailsGenerator,
  phase: Phase,
  slots: Array<{ readonly ncYear: string; readonly leaver: boolean }>,
): { pupils: PupilRecord[]; contacts: ContactRecord[] } {
  const families = new FamilyGenerator(random, ids, new HouseholdGenerator(random, ids, details), phase);
  const pupils: PupilRecord[] = [];
  const contacts: ContactRecord[] = [];
  for (let familyId = 1; slots.length > 0; familyId++) {
    const places = slots.splice(Math.max(0, slots.length - random.weighted(CHILDREN_PER_FAMILY)));
    const family = families.family(
      familyId,
      places.map((place) => place.ncYear),
    );
    family.pupils.forEach((pupil, index) => {
      if (places[index]?.leaver) {
        pupil.status = 'leaver';
        pupil.leavingDate = randomDate(random, '2025-02-14', '2025-07-23');
        pupil.updatedAt = Date.parse(`${pupil.leavingDate}T16:30:00Z`);
      }
    });
    pupils.push(...family.pupils);
    contacts.push(...family.contacts);
  }
  return { pupils, contacts };
}

/** `total` NC-year codes spread over the years by weight (largest remainder). */
function yearSlots(years: ReadonlyArray<readonly [string, number]>, total: number): string[] {
  const weightSum = years.reduce((sum, [, weight]) => sum + weight, 0);
  const exact = years.map(([code, weight]) => [code, (total * weight) / weightSum] as const);
  const counts = exact.map(([code, share]) => [code, Math.floor(share), share - Math.floor(share)] as const);
  const missing = total - counts.reduce((sum, [, count]) => sum + count, 0);
  const byRemainder = [...counts].sort((a, b) => b[2] - a[2]);
  const extra = new Set(byRemainder.slice(0, missing).map(([code]) => code));
  return counts.flatMap(([code, count]) => Array<string>(count + (extra.has(code) ? 1 : 0)).fill(code));
}
