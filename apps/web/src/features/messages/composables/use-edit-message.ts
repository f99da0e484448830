import { ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import { useDirectorySearch } from '../../directory/composables/use-directory-search';
import type { Message } from '../message-types';
import type { ComposeForm } from './use-compose';

interface SavedContent {
  app?: { title: string; body: string } | null;
  email?: { subject: string; html: string; text: string } | null;
  sms?: { text: string } | null;
}
interface SavedAudience {
  kind: ComposeForm['kind'];
  ncYears?: number[];
  groupIds?: string[];
  pupilIds?: string[];
  characteristics?: ComposeForm['characteristics'];
  eventInvitees?: { eventId: string; invitees: ComposeForm['invitees'] };
  contacts?: ComposeForm['contacts'];
}

/** `YYYY-MM-DDTHH:mm` in the browser's time, as a datetime-local input takes it. */
function localInput(iso: string | null): string {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Opening a draft or scheduled message in the composer: fills the form, with names for its groups and pupils. */
export function useEditMessage(schoolId: Ref<string>, messageId: Ref<string | null>, form: ComposeForm) {
  const message = shallowRef<Message | null>(null);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const search = useDirectorySearch(schoolId);

  async function load(id: string): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const m = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/messages/{messageId}', {
          params: { path: { schoolId: schoolId.value, messageId: id } },
        }),
      );
      const audience = m.audience as SavedAudience;
      const content = m.content as SavedContent;
      const names = await search.labels(audience.groupIds ?? [], audience.pupilIds ?? []);
      Object.assign(form, {
        kind: audience.kind,
        ncYears: audience.ncYears ?? [],
        groups: names.groups,
        pupils: names.pupils,
        characteristics: audience.characteristics ?? [],
        eventId: audience.eventInvitees?.eventId ?? '',
        invitees: audience.eventInvitees?.invitees ?? 'all',
        contacts: audience.contacts ?? 'priority',
        policy: m.policy,
        appTitle: content.app?.title ?? '',
        appBody: content.app?.body ?? '',
        emailSubject: content.email?.subject ?? '',
        emailHtml: content.email?.html ?? '',
        smsText: content.sms?.text ?? '',
        scheduleAt: m.status === 'scheduled' ? localInput(m.scheduledFor) : '',
      } satisfies ComposeForm);
      message.value = m;
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loading.value = false;
    }
  }

  watch(messageId, (id) => id && void load(id), { immediate: true });
  return { message, loading, error };
}
