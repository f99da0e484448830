import { computed, reactive, ref, type Ref } from 'vue';
import type { SummaryError } from '../ui/types';
import { useSubmit } from './use-submit';

export interface FormOptions<F extends { [K in keyof F]: string }, R> {
  /** Prefix for the fields' element ids, so the error summary can link to them. */
  readonly idPrefix: string;
  readonly initial: F;
  /** Checks before sending; the API checks again and its field errors show the same way. */
  readonly validate: (values: F) => Partial<Record<keyof F & string, string>>;
  readonly save: (values: F) => Promise<R>;
}

/**
 * A form: values, client checks, the save, and errors per field and for the summary.
 * API field errors are matched by name (`email`, `firstAdmin.email`: use that as the field key).
 */
export function useForm<F extends { [K in keyof F]: string }, R>(options: FormOptions<F, R>) {
  const values = reactive({ ...options.initial }) as F;
  const clientErrors = ref<Partial<Record<string, string>>>({});
  const attempt = ref(0);
  const { saving, error, submit: send, reset: resetSubmit } = useSubmit(() => options.save(values));

  const fields = Object.keys(options.initial) as (keyof F & string)[];
  const fieldId = (field: keyof F & string): string => `${options.idPrefix}-${field.replace(/\./g, '-')}`;
  const errorFor = (field: keyof F & string): string | undefined =>
    clientErrors.value[field] ?? error.value?.fieldMessage(field);

  const summary = computed<SummaryError[]>(() => {
    const forFields = fields.flatMap((f) => {
      const message = errorFor(f);
      return message ? [{ id: fieldId(f), message }] : [];
    });
    const unmatched = (error.value?.fieldErrors ?? [])
      .filter((e) => !(fields as string[]).includes(e.field))
      .map((e) => ({ message: e.message }));
    if (error.value && forFields.length === 0 && unmatched.length === 0) {
      return [
        { message: error.value.detail ? `${error.value.title} ${error.value.detail}` : error.value.title },
      ];
    }
    return [...forFields, ...unmatched];
  });

  async function submit(): Promise<R | undefined> {
    clientErrors.value = options.validate(values);
    if (Object.keys(clientErrors.value).length > 0) {
      resetSubmit();
      attempt.value += 1;
      return undefined;
    }
    const result = await send();
    if (result === undefined) {
      attempt.value += 1;
    }
    return result;
  }

  function reset(): void {
    Object.assign(values, options.initial);
    clientErrors.value = {};
    resetSubmit();
  }

  return { values, saving, error, summary, attempt, fieldId, errorFor, submit, reset };
}

/**
 * The handlers of a dialog around a form (`UiFormDialog`): `save` submits and, when that worked, clears the
 * form and hands on the result; `close` clears the form and closes, but not while a save is under way.
 */
export function useFormDialog<R>(
  form: { readonly saving: Ref<boolean>; submit(): Promise<R | undefined>; reset(): void },
  on: { readonly saved: (result: R) => void; readonly close: () => void },
) {
  async function save(): Promise<void> {
    const result = await form.submit();
    if (result !== undefined) {
      form.reset();
      on.saved(result);
    }
  }

  function close(): void {
    if (!form.saving.value) {
      form.reset();
      on.close();
    }
  }

  return { save, close };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}
