import type { EmployeeRecord, GroupRecord, GroupType, Phase, PupilRecord } from './school-records';
import type { SeededRandom } from './seeded-random';
import { GENERATED_BEFORE, randomInstant } from './wonde-dates';
import type { WondeIds } from './wonde-ids';

const PRIMARY_FORM_LETTERS = ['B', 'W', 'G', 'H', 'P', 'S', 'T', 'M'];
const SECONDARY_FORM_LETTERS = ['R', 'G', 'B', 'Y'];
const HOUSES: Record<Phase, string[]> = {
  primary: ['Oak', 'Ash', 'Rowan', 'Willow'],
  secondary: ['Brunel', 'Nightingale', 'Seacole', 'Turing'],
};
const CLUBS = [
  'Choir',
  'Football Club',
  'Netball Club',
  'Chess Club',
  'Coding Club',
  'Drama Club',
  'Breakfast Club',
  'Eco Council',
  'School Council',
  'Art Club',
  'Gardening Club',
  'Orchestra',
  'Debating Society',
  'Duke of Edinburgh',
  'Science Club',
  'Homework Club',
];

export function yearName(ncYear: string): string {
  return ncYear === 'R' ? 'Reception' : `Year ${ncYear}`;
}

/**
 * Year groups, registration groups (about 30 a form: '3B' in a primary, '10R2' in a secondary), houses
 * (siblings share one) and clubs (MISC groups), with staff as tutors, heads of house and club leaders.
 * Only pupils on roll are placed; leavers keep their year for reference.
 */
export class SchoolGroupsGenerator {
  readonly groups: GroupRecord[] = [];

  constructor(
    private readonly random: SeededRandom,
    private readonly ids: WondeIds,
  ) {}

  yearGroups(ncYears: readonly string[]): Map<string, GroupRecord> {
    return new Map(
      ncYears.map((ncYear) => [
        ncYear,
        this.group('YEAR', yearName(ncYear), ncYear, yearName(ncYear), ncYear),
      ]),
    );
  }

  registration(
    phase: Phase,
    yearGroup: GroupRecord,
    pupils: PupilRecord[],
    tutors: EmployeeRecord[],
  ): GroupRecord[] {
    const forms = Math.max(1, Math.ceil(pupils.length / 30));
    const created: GroupRecord[] = [];
    for (let i = 0; i < forms; i++) {
      const name =
        phase === 'primary'
          ? `${yearGroup.code}${PRIMARY_FORM_LETTERS[i % 8]}${i >= 8 ? Math.floor(i / 8) + 1 : ''}`
          : `${yearGroup.code}${SECONDARY_FORM_LETTERS[i % 4]}${Math.floor(i / 4) + 1}`;
      const description = `${yearName(yearGroup.code)} registration group ${name}`;
      const form = this.group('REGISTRATION', name, name, description, yearGroup.code);
      const tutor = tutors[(this.groups.length + i) % tutors.length];
      if (tutor) {
        this.addEmployee(form, tutor);
      }
      created.push(form);
    }
    this.random.shuffle(pupils).forEach((pupil, index) => {
      const form = created[index % forms] as GroupRecord;
      pupil.registrationGroupId = form.id;
      this.addPupil(form, pupil);
    });
    return created;
  }

  houses(phase: Phase, pupils: readonly PupilRecord[], heads: EmployeeRecord[]): void {
    const houses = HOUSES[phase].map((name) =>
      this.group('HOUSE', name, name.slice(0, 3).toUpperCase(), `${name} House`),
    );
    houses.forEach((house, index) => {
      const head = heads[index];
      if (head) {
        this.addEmployee(house, head);
      }
    });
    for (const pupil of pupils) {
      const house = houses[pupil.familyId % houses.length] as GroupRecord;
      pupil.houseId = house.id;
      this.addPupil(house, pupil);
    }
  }

  clubs(pupils: readonly PupilRecord[], leaders: readonly EmployeeRecord[]): void {
    const count = Math.min(40, Math.max(4, Math.round(pupils.length / 120)));
    for (let i = 0; i < count; i++) {
      const base = CLUBS[i % CLUBS.length] as string;
      const name = i < CLUBS.length ? base : `${base} ${Math.floor(i / CLUBS.length) + 1}`;
      const club = this.group('MISC', name, `CLUB${i + 1}`, null);
      this.addEmployee(club, this.random.pick(leaders));
      for (const pupil of this.random.sample(pupils, this.random.int(8, 40))) {
        this.addPupil(club, pupil);
      }
    }
  }

  addPupil(group: GroupRecord, pupil: PupilRecord): void {
    group.pupilIds.push(pupil.id);
    pupil.groupIds.push(group.id);
  }

  private addEmployee(group: GroupRecord, employee: EmployeeRecord): void {
    group.employeeIds.push(employee.id);
    employee.groupIds.push(group.id);
  }

  private group(
    type: GroupType,
    name: string,
    code: string,
    description: string | null,
    ncYear: string | null = null,
  ): GroupRecord {
    const createdAt = randomInstant(this.random, '2023-07-01', '2025-08-25');
    const group: GroupRecord = {
      id: this.ids.id(),
      misId: this.ids.groupMisId(),
      name,
      code,
      type,
      ncYear,
      description,
      pupilIds: [],
      employeeIds: [],
      createdAt,
      updatedAt: createdAt + this.random.below(GENERATED_BEFORE - createdAt),
    };
    this.groups.push(group);
    return group;
  }
}
