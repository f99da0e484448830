import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../composables/use-resource';

/** One contact with their channels and the children at this school they are a contact of. */
export function useContact(schoolId: Ref<string>, contactId: Ref<string>) {
  return useResource([schoolId, contactId], () =>
    unwrap(
      api().GET('/api/v1/schools/{schoolId}/contacts/{contactId}', {
        params: { path: { schoolId: schoolId.value, contactId: contactId.value } },
      }),
    ),
  );
}
