import type { ContactDetailsGenerator } from './contact-details.generator';
import { BRITISH_POOL, NAME_POOLS } from './name-pools.data';
import type { EmployeeRecord, Gender, Phase, StaffRole } from './school-records';
import type { SeededRandom } from './seeded-random';
import { GENERATED_BEFORE, randomInstant } from './wonde-dates';
import type { WondeIds } from './wonde-ids';

const LATIN_POOLS = NAME_POOLS.filter((pool) => !pool.nativeScript);
const OFFICE_ROLES = [
  'School Business Manager',
  'Office Manager',
  'Administrator',
  'Receptionist',
  'Data Manager',
];

/**
 * Staff: about one for every ten pupils — a head, teachers (about half), teaching assistants (about a third)
 * and office staff — each with a work email at the school's domain.
 */
export function generateStaff(
  random: SeededRandom,
  ids: WondeIds,
  details: ContactDetailsGenerator,
  options: { pupils: number; phase: Phase; domain: string },
): EmployeeRecord[] {
  const count = Math.max(8, Math.round(options.pupils * 0.1));
  const staff: EmployeeRecord[] = [];
  for (let i = 0; i < count; i++) {
    const role: StaffRole =
      i === 0
        ? 'head'
        : random.weighted<StaffRole>([
            ['teacher', 52],
            ['assistant', 30],
            ['office', 18],
          ]);
    const gender: Gender = random.chance(role === 'teacher' && options.phase === 'secondary' ? 0.62 : 0.8)
      ? 'FEMALE'
      : 'MALE';
    const pool = random.chance(0.75) ? BRITISH_POOL : random.pick(LATIN_POOLS);
    const forename = random.pick(gender === 'FEMALE' ? pool.female : pool.male);
    const surname = random.pick(pool.surnames);
    const createdAt = randomInstant(random, '2012-08-20', '2025-08-20');
    staff.push({
      id: ids.id(),
      misId: ids.personMisId(),
      title: random.chance(0.04) ? 'Dr' : gender === 'MALE' ? 'Mr' : random.pick(['Mrs', 'Ms', 'Miss']),
      forename: forename.latin,
      surname: surname.latin,
      gender,
      role,
      roleText: roleText(random, role, i),
      email: details.workEmail(forename, surname, options.domain),
      mobile: random.chance(0.4) ? details.mobile() : null,
      workPhone: details.landline(),
      classIds: [],
      groupIds: [],
      createdAt,
      updatedAt: createdAt + random.below(GENERATED_BEFORE - createdAt),
    });
  }
  return staff;
}

function roleText(random: SeededRandom, role: StaffRole, index: number): string {
  switch (role) {
    case 'head':
      return 'Headteacher';
    case 'teacher':
      return index < 3 ? 'Deputy Headteacher' : 'Teacher';
    case 'assistant':
      return random.chance(0.2) ? 'Higher Level Teaching Assistant' : 'Teaching Assistant';
    case 'office':
      return random.pick(OFFICE_ROLES);
  }
}
