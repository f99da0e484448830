import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useSubmit } from '../../../composables/use-submit';

/** Invites a contact to the parent app by the first email the MIS holds for them. */
export function useInviteParent(schoolId: Ref<string>) {
  return useSubmit((contactId: string) =>
    unwrap(
      api().POST('/api/v1/schools/{schoolId}/contacts/{contactId}/invitation', {
        params: { path: { schoolId: schoolId.value, contactId } },
      }),
    ),
  );
}
