import { authorize, type Actor, type Permission } from '@rowan/access';
import type { SchoolCatalogue, SchoolSummary } from '@rowan/directory';
import { NotFound, type SchoolId } from '@rowan/kernel';

/** The school, if the actor may do this there: 404 when it is not theirs, 403 when their role does not allow it. */
export async function schoolFor(
  catalogue: SchoolCatalogue,
  actor: Actor,
  schoolId: SchoolId,
  permission: Permission,
): Promise<SchoolSummary> {
  const school = await catalogue.school(schoolId);
  if (!school) {
    throw new NotFound('School');
  }
  authorize(actor, permission, { trustId: school.trustId, schoolId: school.id });
  return school;
}
