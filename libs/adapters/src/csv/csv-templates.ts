import type { ImportFile } from '@rowan/directory';

export interface TemplateColumn {
  readonly name: string;
  readonly required: boolean;
  /** What goes in it, as the template documentation says. */
  readonly means: string;
}

/**
 * Rowan's CSV templates: one file each for pupils, contacts (one row per pupil and contact) and staff. Columns may
 * come in any order; the header names them. Dates are YYYY-MM-DD or DD/MM/YYYY; yes/no columns take Y or N (blank
 * is N). Each file is the complete list: whoever it leaves out has left.
 */
export const TEMPLATES: Record<ImportFile, readonly TemplateColumn[]> = {
  pupils: [
    { name: 'pupil_id', required: true, means: 'The pupil’s id in your MIS (e.g. admission number); unique' },
    { name: 'upn', required: false, means: 'Unique pupil number' },
    { name: 'legal_forename', required: true, means: 'Legal first name' },
    { name: 'legal_surname', required: true, means: 'Legal surname' },
    { name: 'preferred_forename', required: false, means: 'Preferred first name (legal when blank)' },
    { name: 'preferred_surname', required: false, means: 'Preferred surname (legal when blank)' },
    { name: 'date_of_birth', required: false, means: 'Date of birth' },
    { name: 'year', required: false, means: 'National curriculum year: N1, N2, R, or 1 to 14' },
    { name: 'registration_class', required: false, means: 'Registration (form) class, e.g. 5C' },
    { name: 'groups', required: false, means: 'Teaching and other groups, separated by semicolons' },
    { name: 'pupil_premium', required: false, means: 'Y if eligible for Pupil Premium' },
    { name: 'free_school_meals', required: false, means: 'Y if eligible for free school meals' },
    { name: 'sen', required: false, means: 'SEN provision: N none, K SEN support, E EHC plan' },
    { name: 'eal', required: false, means: 'Y if English is an additional language' },
    {
      name: 'leave_date',
      required: false,
      means: 'Leaving date; on or before today makes the pupil a leaver',
    },
    {
      name: 'email',
      required: false,
      means: 'The pupil’s own school email address (messages to pupils use it)',
    },
  ],
  contacts: [
    { name: 'pupil_id', required: true, means: 'The pupil, as in pupils.csv' },
    {
      name: 'contact_id',
      required: true,
      means: 'The contact’s id in your MIS; the same on every row for them',
    },
    { name: 'title', required: false, means: 'Mr, Mrs, Ms, Dr, …' },
    { name: 'forename', required: true, means: 'First name' },
    { name: 'surname', required: true, means: 'Surname' },
    { name: 'relationship', required: true, means: 'Relationship to the pupil, e.g. Mother, Carer' },
    { name: 'parental_responsibility', required: false, means: 'Y if they have parental responsibility' },
    { name: 'priority', required: false, means: 'Contact order for this pupil: 1 is first to try' },
    { name: 'lives_with_pupil', required: false, means: 'Y if they live with the pupil' },
    { name: 'email', required: false, means: 'Email address(es), separated by semicolons' },
    { name: 'mobile', required: false, means: 'Mobile number(s), separated by semicolons' },
  ],
  staff: [
    { name: 'staff_id', required: true, means: 'The member of staff’s id in your MIS; unique' },
    { name: 'title', required: false, means: 'Mr, Mrs, Ms, Dr, …' },
    { name: 'forename', required: true, means: 'First name' },
    { name: 'surname', required: true, means: 'Surname' },
    { name: 'job_title', required: false, means: 'Job title' },
    { name: 'email', required: false, means: 'Work email address' },
  ],
};

/** The header row of a template. */
export const templateHeader = (file: ImportFile): string => TEMPLATES[file].map((c) => c.name).join(',');
