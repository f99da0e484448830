import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { Membership, StaffRole } from '../../../api/types';
import { useSubmit } from '../../../composables/use-submit';

/** Gives a member of staff another role at the school. */
export function useChangeRole(schoolId: Ref<string>) {
  return useSubmit((membership: Membership, role: StaffRole) =>
    unwrap(
      api().PATCH('/api/v1/schools/{schoolId}/memberships/{membershipId}', {
        params: { path: { schoolId: schoolId.value, membershipId: membership.id } },
        body: { role },
      }),
    ),
  );
}
