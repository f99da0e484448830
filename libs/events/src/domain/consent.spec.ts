import { ValidationFailed } from '@rowan/kernel';
import { checkAnswers, checkQuestions, withoutMedicalNotes, type ConsentQuestion } from './consent';

const q = (id: string, kind: ConsentQuestion['kind'], required = true, options: string[] = []) => ({
  id,
  kind,
  label: `Question ${id}`,
  required,
  options,
});
const FORM: ConsentQuestion[] = [
  q('swim', 'yes_no'),
  q('diet', 'choice', true, ['None', 'Vegetarian']),
  q('medical', 'medical_notes', false),
  q('contact', 'emergency_contact_confirmation'),
  q('notes', 'text', false),
];

const fieldsOf = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).fieldErrors.map((e) => e.field);
  }
  throw new Error('expected a validation failure');
};

describe('consent form questions', () => {
  it('accepts every kind in order', () => {
    expect(() => checkQuestions(FORM)).not.toThrow();
  });

  it('names the question at fault: unknown kind, empty label, choice without options', () => {
    expect(
      fieldsOf(() =>
        checkQuestions([
          { ...q('a', 'yes_no'), kind: 'colour' as never },
          { ...q('b', 'text'), label: '  ' },
          q('c', 'choice'),
          q('d', 'text', true, ['x']),
        ]),
      ),
    ).toEqual(['questions[0].kind', 'questions[1].label', 'questions[2].options', 'questions[3].options']);
  });
});

describe('consent answers', () => {
  const complete = [
    { questionId: 'swim', value: false },
    { questionId: 'diet', value: 'Vegetarian' },
    { questionId: 'contact', value: true },
  ];

  it('keeps complete answers in the form’s order', () => {
    expect(checkAnswers(FORM, [...complete].reverse()).map((a) => a.questionId)).toEqual([
      'swim',
      'diet',
      'contact',
    ]);
  });

  it('names each required question left unanswered', () => {
    expect(fieldsOf(() => checkAnswers(FORM, [complete[1]!], 'consent.answers'))).toEqual([
      'consent.answers.swim',
      'consent.answers.contact',
    ]);
  });

  it('checks choices, types, confirmations and unknown questions', () => {
    expect(
      fieldsOf(() =>
        checkAnswers(FORM, [
          { questionId: 'swim', value: 'yes' },
          { questionId: 'diet', value: 'Vegan' },
          { questionId: 'contact', value: false },
          { questionId: 'ghost', value: 'boo' },
        ]),
      ),
    ).toEqual(['answers[3].questionId', 'answers.swim', 'answers.diet', 'answers.contact']);
  });

  it('leaves optional questions out when blank and hides medical notes', () => {
    const answers = checkAnswers(FORM, [
      ...complete,
      { questionId: 'medical', value: 'Asthma' },
      { questionId: 'notes', value: ' ' },
    ]);
    expect(answers.map((a) => a.questionId)).toEqual(['swim', 'diet', 'medical', 'contact']);
    expect(withoutMedicalNotes(FORM, answers).map((a) => a.questionId)).toEqual(['swim', 'diet', 'contact']);
  });
});
