import { ValidationFailed, type FieldError } from '@rowan/kernel';

export const CONSENT_QUESTION_KINDS = [
  'yes_no',
  'text',
  'choice',
  'medical_notes',
  'emergency_contact_confirmation',
] as const;
export type ConsentQuestionKind = (typeof CONSENT_QUESTION_KINDS)[number];

/**
 * Where a booking's consent stands: `not_needed` (the event has no form), `missing` (no complete answers yet),
 * `given`, or `stale` (given, but the trip's key details or the form changed since, so it is asked again).
 */
export const CONSENT_STATES = ['not_needed', 'missing', 'given', 'stale'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface ConsentQuestion {
  readonly id: string;
  readonly kind: ConsentQuestionKind;
  readonly label: string;
  readonly required: boolean;
  /** A `choice` question's options; empty for the others. */
  readonly options: readonly string[];
}

/** `yes_no` and `emergency_contact_confirmation` answer true or false; the others answer text. */
export type ConsentValue = string | boolean;

export interface ConsentAnswer {
  readonly questionId: string;
  readonly value: ConsentValue;
}

const MAX_QUESTIONS = 50;

/** A form's questions, in order: each with a known kind and a label, a choice with at least one option. */
export function checkQuestions(questions: readonly ConsentQuestion[]): void {
  const errors: FieldError[] = [];
  if (questions.length > MAX_QUESTIONS) {
    errors.push({ field: 'questions', message: `at most ${MAX_QUESTIONS} questions` });
  }
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (!(CONSENT_QUESTION_KINDS as readonly string[]).includes(q.kind)) {
      errors.push({ field: `${at}.kind`, message: `must be one of ${CONSENT_QUESTION_KINDS.join(', ')}` });
    }
    if (!q.label.trim()) {
      errors.push({ field: `${at}.label`, message: 'must not be empty' });
    }
    if (seen.has(q.id)) {
      errors.push({ field: `${at}.id`, message: 'is used by another question' });
    }
    seen.add(q.id);
    if (q.kind === 'choice') {
      if (!q.options.length || q.options.some((o) => !o.trim())) {
        errors.push({ field: `${at}.options`, message: 'a choice needs options, none of them empty' });
      } else if (new Set(q.options).size !== q.options.length) {
        errors.push({ field: `${at}.options`, message: 'must not repeat an option' });
      }
    } else if (q.options.length) {
      errors.push({ field: `${at}.options`, message: 'only a choice question has options' });
    }
  });
  if (errors.length) {
    throw new ValidationFailed('The consent form is not valid', errors);
  }
}

const isYesNo = (kind: ConsentQuestionKind) => kind === 'yes_no' || kind === 'emergency_contact_confirmation';

/**
 * A guardian's answers against the form: every required question answered (an emergency-contact confirmation
 * confirmed), each value of its question's type, a choice one of its options, no unknown question. Answers the
 * answers in the form's order; `field` names where they came from (`consent.answers` on booking).
 */
export function checkAnswers(
  questions: readonly ConsentQuestion[],
  answers: readonly ConsentAnswer[],
  field = 'answers',
): ConsentAnswer[] {
  const errors: FieldError[] = [];
  const given = new Map<string, ConsentValue>();
  answers.forEach((a, i) => {
    if (!questions.some((q) => q.id === a.questionId)) {
      errors.push({ field: `${field}[${i}].questionId`, message: 'is not a question of this form' });
    } else if (given.has(a.questionId)) {
      errors.push({ field: `${field}[${i}].questionId`, message: 'is answered twice' });
    }
    given.set(a.questionId, typeof a.value === 'string' ? a.value.trim() : a.value);
  });
  const out: ConsentAnswer[] = [];
  for (const q of questions) {
    const at = `${field}.${q.id}`;
    const value = given.get(q.id);
    if (value === undefined || value === '') {
      if (q.required) {
        errors.push({ field: at, message: `“${q.label}” needs an answer` });
      }
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'boolean') {
      errors.push({ field: at, message: 'must be text, true or false' });
    } else if (isYesNo(q.kind) !== (typeof value === 'boolean')) {
      errors.push({ field: at, message: isYesNo(q.kind) ? 'must be true or false' : 'must be text' });
    } else if (typeof value === 'string' && value.length > 5000) {
      errors.push({ field: at, message: 'must be at most 5000 characters' });
    } else if (q.kind === 'choice' && !q.options.includes(value as string)) {
      errors.push({ field: at, message: `must be one of ${q.options.join(', ')}` });
    } else if (q.kind === 'emergency_contact_confirmation' && q.required && value !== true) {
      errors.push({ field: at, message: 'the emergency contact details must be confirmed' });
    } else {
      out.push({ questionId: q.id, value });
    }
  }
  if (errors.length) {
    throw new ValidationFailed('The consent answers are not complete', errors);
  }
  return out;
}

/** Medical notes are for staff who manage events only. */
export function withoutMedicalNotes(
  questions: readonly ConsentQuestion[],
  answers: readonly ConsentAnswer[],
): ConsentAnswer[] {
  const medical = new Set(questions.filter((q) => q.kind === 'medical_notes').map((q) => q.id));
  return answers.filter((a) => !medical.has(a.questionId));
}
