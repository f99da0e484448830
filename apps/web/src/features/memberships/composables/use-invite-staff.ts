import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { Membership, StaffRole } from '../../../api/types';
import { isEmail, useForm } from '../../../composables/use-form';

/** The invite form: a new member of staff gets an email asking them to set up their account. */
export function useInviteStaff(schoolId: Ref<string>) {
  return useForm<{ givenName: string; familyName: string; email: string; role: StaffRole | '' }, Membership>({
    idPrefix: 'invite',
    initial: { givenName: '', familyName: '', email: '', role: '' },
    validate: (v) => ({
      ...(v.givenName.trim() ? {} : { givenName: 'Enter their given name' }),
      ...(v.familyName.trim() ? {} : { familyName: 'Enter their family name' }),
      ...(!v.email.trim()
        ? { email: 'Enter their email address' }
        : isEmail(v.email)
          ? {}
          : { email: 'Enter an email address in the correct format, like name@school.sch.uk' }),
      ...(v.role ? {} : { role: 'Choose a role' }),
    }),
    save: (v) =>
      unwrap(
        api().POST('/api/v1/schools/{schoolId}/memberships', {
          params: { path: { schoolId: schoolId.value } },
          // validate() has made sure a role is chosen.
          body: {
            givenName: v.givenName.trim(),
            familyName: v.familyName.trim(),
            email: v.email.trim(),
            role: v.role as StaffRole,
          },
        }),
      ),
  });
}
