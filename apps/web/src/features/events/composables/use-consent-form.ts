import { ref, watch, type Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useSubmit } from '../../../composables/use-submit';

export type ConsentQuestion = components['schemas']['ConsentQuestionDto'];
export type ConsentKind = ConsentQuestion['kind'];

/** The event's consent form as an editable list: add, remove, move, save (PUT …/consent-form). */
export function useConsentForm(schoolId: Ref<string>, eventId: Ref<string>) {
  const questions = ref<ConsentQuestion[]>([]);
  const loading = ref(true);
  const path = () => ({ path: { schoolId: schoolId.value, eventId: eventId.value } });

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const form = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/events/{eventId}/consent-form', { params: path() }),
      );
      questions.value = form.questions.map((q) => ({ ...q, options: [...q.options] }));
    } finally {
      loading.value = false;
    }
  }

  function add(kind: ConsentKind): void {
    questions.value.push({ id: crypto.randomUUID(), kind, label: '', required: true, options: [] });
  }
  function remove(index: number): void {
    questions.value.splice(index, 1);
  }
  function move(index: number, by: -1 | 1): void {
    const [q] = questions.value.splice(index, 1);
    if (q) {
      questions.value.splice(index + by, 0, q);
    }
  }

  const save = useSubmit(async () => {
    const form = await unwrap(
      api().PUT('/api/v1/schools/{schoolId}/events/{eventId}/consent-form', {
        params: path(),
        body: {
          questions: questions.value.map((q) => ({
            ...q,
            options: q.kind === 'choice' ? (q.options ?? []).filter((o) => o.trim()) : [],
          })),
        },
      }),
    );
    questions.value = form.questions.map((q) => ({ ...q, options: [...q.options] }));
    return form;
  });

  watch([schoolId, eventId], () => void load(), { immediate: true });
  return { data: questions, loading, add, remove, move, save };
}
