import { computed, reactive, ref, shallowRef, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/problem';
import { useSubmit } from '../../../composables/use-submit';
import type { PickedOption } from '../../../ui/types';
import { htmlToText, type InviteeFilter } from '../message-format';
import type { Estimate, Message, RoutingPolicy, SendMessageBody } from '../message-types';

/** The composer's state: audience, routing, content per channel, and when to send. */
export interface ComposeForm {
  kind: 'contacts' | 'pupils' | 'staff';
  ncYears: number[];
  groups: PickedOption[];
  pupils: PickedOption[];
  characteristics: Array<'pupil_premium' | 'free_school_meals' | 'sen' | 'eal'>;
  /** A published trip or club whose invitees are chosen too ('' for none), and which of them. */
  eventId: string;
  invitees: InviteeFilter;
  contacts: 'priority' | 'parental_responsibility' | 'all';
  policy: RoutingPolicy;
  appTitle: string;
  appBody: string;
  emailSubject: string;
  /** The rich-text body as HTML ('' when empty); its plain-text alternative is derived from it. */
  emailHtml: string;
  smsText: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time, or '' for now. */
  scheduleAt: string;
}

const blank = (): ComposeForm => ({
  kind: 'contacts',
  ncYears: [],
  groups: [],
  pupils: [],
  characteristics: [],
  eventId: '',
  invitees: 'all',
  contacts: 'priority',
  policy: 'cheapest',
  appTitle: '',
  appBody: '',
  emailSubject: '',
  emailHtml: '',
  smsText: '',
  scheduleAt: '',
});

/**
 * The audience the API takes: the pupil rules for pupils and their contacts, nothing more for staff. `contacts`
 * has a default, so the generated type asks for it always; the API reads it for contacts only.
 */
function audienceOf(form: ComposeForm): SendMessageBody['audience'] {
  if (form.kind === 'staff') {
    return { kind: 'staff', contacts: form.contacts };
  }
  const pupils = {
    ncYears: form.ncYears,
    groupIds: form.groups.map((g) => g.id),
    pupilIds: form.pupils.map((p) => p.id),
    characteristics: form.characteristics,
    ...(form.eventId ? { eventInvitees: { eventId: form.eventId, invitees: form.invitees } } : {}),
    contacts: form.contacts,
  };
  return { kind: form.kind, ...pupils };
}

/**
 * Composing one message, new or an edit of a draft or scheduled one (`messageId`): the body the API takes, a
 * live estimate (debounced) of who is reached by which channel and what the texts cost, and send / schedule /
 * save as draft.
 */
export function useCompose(schoolId: Ref<string>, messageId: Ref<string | null>) {
  const form = reactive<ComposeForm>(blank());
  const estimate = shallowRef<Estimate | null>(null);
  const estimateError = shallowRef<ApiError | null>(null);
  const estimating = ref(false);

  const body = computed<Omit<SendMessageBody, 'draft'>>(() => ({
    audience: audienceOf(form),
    content: {
      ...(form.appTitle || form.appBody ? { app: { title: form.appTitle, body: form.appBody } } : {}),
      ...(form.emailSubject || form.emailHtml
        ? { email: { subject: form.emailSubject, html: form.emailHtml, text: htmlToText(form.emailHtml) } }
        : {}),
      ...(form.smsText ? { sms: { text: form.smsText } } : {}),
    },
    policy: form.policy,
    ...(form.scheduleAt ? { scheduledFor: new Date(form.scheduleAt).toISOString() } : {}),
  }));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  watch(
    () => [
      form.kind,
      form.ncYears.join(),
      form.groups.map((g) => g.id).join(),
      form.pupils.map((p) => p.id).join(),
      form.characteristics.join(),
      form.eventId,
      form.invitees,
      form.contacts,
      form.policy,
      form.smsText,
    ],
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshEstimate(), 400);
    },
    { immediate: true },
  );

  async function refreshEstimate(): Promise<void> {
    const mine = ++generation;
    estimating.value = true;
    try {
      const { scheduledFor: _when, ...rest } = body.value;
      const result = await unwrap(
        api().POST('/api/v1/schools/{schoolId}/messages/estimate', {
          params: { path: { schoolId: schoolId.value } },
          body: rest,
        }),
      );
      if (mine === generation) {
        estimate.value = result;
        estimateError.value = null;
      }
    } catch (e) {
      if (mine === generation) {
        estimateError.value = toApiError(e);
      }
    } finally {
      if (mine === generation) {
        estimating.value = false;
      }
    }
  }

  const sending = useSubmit((draft: boolean): Promise<Message> => {
    const id = messageId.value;
    return id
      ? unwrap(
          api().PATCH('/api/v1/schools/{schoolId}/messages/{messageId}', {
            params: { path: { schoolId: schoolId.value, messageId: id } },
            body: { ...body.value, draft },
          }),
        )
      : unwrap(
          api().POST('/api/v1/schools/{schoolId}/messages', {
            params: { path: { schoolId: schoolId.value } },
            body: { ...body.value, draft },
            headers: { 'Idempotency-Key': `${idempotencyKey}-${draft ? 'draft' : 'send'}` },
          }),
        );
  });
  // One key per composer visit: a double click or a retried request sends the message once.
  const idempotencyKey = crypto.randomUUID();

  return { form, estimate, estimating, estimateError, sending, send: sending.submit };
}
