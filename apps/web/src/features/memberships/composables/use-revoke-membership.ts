import type { Ref } from 'vue';
import { api } from '../../../api/client';
import type { Membership } from '../../../api/types';
import { useSubmit } from '../../../composables/use-submit';

/** Ends a member of staff's access to the school; resolves to the membership as it now stands. */
export function useRevokeMembership(schoolId: Ref<string>) {
  return useSubmit(async (membership: Membership): Promise<Membership> => {
    await api().DELETE('/api/v1/schools/{schoolId}/memberships/{membershipId}', {
      params: { path: { schoolId: schoolId.value, membershipId: membership.id } },
    });
    return { ...membership, status: 'revoked' };
  });
}
