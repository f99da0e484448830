import { authorize, type Actor, type Permission } from '@rowan/access';
import { NotFound, type SchoolId } from '@rowan/kernel';
import type { School } from '../domain/school';
import type { SchoolRepository } from './ports/school.repository';

/** Loads a school and authorises the actor there: 404 if it is not theirs, 403 if their role does not allow it. */
export async function schoolFor(
  schools: SchoolRepository,
  actor: Actor,
  schoolId: SchoolId,
  permission: Permission,
): Promise<School> {
  const school = await schools.findById(schoolId);
  if (!school) {
    throw new NotFound('School');
  }
  authorize(actor, permission, { trustId: school.trustId, schoolId: school.id });
  return school;
}
