import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { useForm } from '../../../composables/use-form';
import type { MisConnection } from '../directory-types';

export interface ConnectMisValues {
  wondeSchoolId: string;
  token: string;
  /** Empty for Wonde's default (UK) address. */
  baseUrl: string;
  /** "0" to "23", UK time. */
  dailySyncHour: string;
}

/**
 * Connects the school to its MIS through Wonde, or changes the connection. The API keeps the token sealed and
 * never returns it, so it is asked for every time.
 */
export function useConnectMis(schoolId: Ref<string>, initial: Partial<ConnectMisValues> = {}) {
  return useForm<ConnectMisValues, MisConnection>({
    idPrefix: 'mis',
    initial: { wondeSchoolId: '', token: '', baseUrl: '', dailySyncHour: '2', ...initial },
    validate: (v) => ({
      ...(v.wondeSchoolId.trim() ? {} : { wondeSchoolId: 'Enter the school’s Wonde ID' }),
      ...(!v.token.trim()
        ? { token: 'Enter the school’s Wonde API token' }
        : v.token.trim().length < 8
          ? { token: 'The Wonde API token is at least 8 characters long' }
          : {}),
      ...(!v.baseUrl.trim() || /^https?:\/\/\S+$/i.test(v.baseUrl.trim())
        ? {}
        : { baseUrl: 'Enter a web address starting with https://, or leave it blank' }),
      ...(v.dailySyncHour ? {} : { dailySyncHour: 'Choose a time for the nightly sync' }),
    }),
    save: (v) =>
      unwrap(
        api().PUT('/api/v1/schools/{schoolId}/mis-connection', {
          params: { path: { schoolId: schoolId.value } },
          body: {
            wondeSchoolId: v.wondeSchoolId.trim(),
            token: v.token.trim(),
            dailySyncHour: Number(v.dailySyncHour),
            ...(v.baseUrl.trim() ? { baseUrl: v.baseUrl.trim() } : {}),
          },
        }),
      ),
  });
}
