import { shallowRef } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError } from '../../../api/problem';
import type { Membership, Trust } from '../../../api/types';
import { isEmail, useForm } from '../../../composables/use-form';

type CreateTrustFields = {
  name: string;
  'firstAdmin.givenName': string;
  'firstAdmin.familyName': string;
  'firstAdmin.email': string;
};

export interface CreatedTrust {
  readonly trust: Trust;
  readonly admin: Membership;
}

/**
 * A new trust and its first trust admin: two requests (createTrust, then inviteTrustAdmin). If the
 * invitation fails, the trust is kept and the next submit only retries the invitation, so a second
 * trust is never made. The invitation's field errors land on the `firstAdmin.*` fields.
 */
export function useCreateTrust() {
  /** A trust made by an earlier submit whose invitation failed. */
  const pendingTrust = shallowRef<Trust | null>(null);

  const form = useForm<CreateTrustFields, CreatedTrust>({
    idPrefix: 'create-trust',
    initial: { name: '', 'firstAdmin.givenName': '', 'firstAdmin.familyName': '', 'firstAdmin.email': '' },
    validate: (v) => {
      const email = v['firstAdmin.email'].trim();
      return {
        ...(v.name.trim() ? {} : { name: 'Enter the trust’s name' }),
        ...(v['firstAdmin.givenName'].trim()
          ? {}
          : { 'firstAdmin.givenName': 'Enter the trust admin’s given name' }),
        ...(v['firstAdmin.familyName'].trim()
          ? {}
          : { 'firstAdmin.familyName': 'Enter the trust admin’s family name' }),
        ...(!email
          ? { 'firstAdmin.email': 'Enter the trust admin’s email address' }
          : isEmail(email)
            ? {}
            : { 'firstAdmin.email': 'Enter an email address in the correct format, like name@trust.org.uk' }),
      };
    },
    save: async (v) => {
      const trust =
        pendingTrust.value ?? (await unwrap(api().POST('/api/v1/trusts', { body: { name: v.name.trim() } })));
      pendingTrust.value = trust;
      try {
        const admin = await unwrap(
          api().POST('/api/v1/trusts/{trustId}/admins', {
            params: { path: { trustId: trust.id } },
            body: {
              givenName: v['firstAdmin.givenName'].trim(),
              familyName: v['firstAdmin.familyName'].trim(),
              email: v['firstAdmin.email'].trim(),
            },
          }),
        );
        pendingTrust.value = null;
        return { trust, admin };
      } catch (error) {
        throw toApiError(error).withFieldPrefix('firstAdmin.');
      }
    },
  });

  function reset(): void {
    pendingTrust.value = null;
    form.reset();
  }

  return { ...form, pendingTrust, reset };
}
