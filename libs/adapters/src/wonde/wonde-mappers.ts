import type {
  GroupKind,
  MisContact,
  MisContactLink,
  MisGroup,
  MisPupil,
  MisStaffMember,
} from '@rowan/directory';
import { mobileE164, ncYear, senStatus, truthy } from '../mis/mis-values';
import type {
  WondeClass,
  WondeContact,
  WondeContactDetails,
  WondeDate,
  WondeEmployee,
  WondeGroup,
  WondeStudent,
} from './wonde-wire.types';

export function calendarDate(date: WondeDate | null | undefined): string | null {
  return date?.date ? date.date.slice(0, 10) : null;
}

const unique = (values: Array<string | null | undefined>) => [
  ...new Set(values.filter((v): v is string => !!v && v.trim() !== '').map((v) => v.trim())),
];

/** Mobile numbers in E.164 (UK by default), most preferred first; landlines are left out: they cannot take an SMS. */
export function mobiles(details: WondeContactDetails | undefined): string[] {
  const phones = details?.phones;
  const numbers = unique([
    phones?.mobile,
    phones?.primary,
    phones?.phone,
    phones?.home,
    phones?.work,
  ]).flatMap((raw) => {
    const mobile = mobileE164(raw);
    return mobile ? [mobile] : [];
  });
  return [...new Set(numbers)];
}

export function emails(details: WondeContactDetails | undefined): string[] {
  const e = details?.emails;
  return unique([e?.primary, e?.email, e?.home, e?.work].map((v) => v?.toLowerCase())).filter((v) =>
    v.includes('@'),
  );
}

/**
 * A pupil's own email: the first plausible address in their contact details (an MIS may leave the block out, send
 * nulls, blanks or junk), lower-cased; null when there is none.
 */
export function pupilEmail(details: WondeContactDetails | null | undefined): string | null {
  const e: Partial<Record<string, unknown>> = details?.emails ?? {};
  const found = [e.primary, e.email, e.home, e.work]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim().toLowerCase())
    .find((v) => v.length <= 254 && PLAUSIBLE_EMAIL.test(v));
  return found ?? null;
}

const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toContact(c: WondeContact): MisContact {
  return {
    misId: c.id,
    title: c.title,
    forename: c.forename,
    surname: c.surname,
    emails: emails(c.contact_details?.data),
    mobiles: mobiles(c.contact_details?.data),
  };
}

function toLink(c: WondeContact): MisContactLink {
  const r = c.relationship;
  return {
    contact: toContact(c),
    relationship: r?.relationship?.trim() || 'Contact',
    parentalResponsibility: truthy(r?.parental_responsibility),
    priority: r?.priority ?? 99,
    livesWithPupil: truthy(r?.lives_with_pupil),
  };
}

export function toPupil(s: WondeStudent): MisPupil {
  const extended = s.extended_details?.data;
  const education = s.education_details?.data;
  const registration = s.registration?.data ?? s.groups?.data.find((g) => g.type === 'REGISTRATION') ?? null;
  return {
    misId: s.id,
    upn: s.upn ?? education?.upn ?? null,
    legalForename: s.legal_forename || s.forename,
    legalSurname: s.legal_surname || s.surname,
    preferredForename: s.forename,
    preferredSurname: s.surname,
    dateOfBirth: calendarDate(s.date_of_birth),
    ncYear: ncYear(education?.current_nc_year),
    yearGroup: s.year?.data?.name ?? null,
    registrationGroup: registration?.name ?? null,
    email: pupilEmail(s.contact_details?.data),
    groupMisIds: [...(s.groups?.data ?? []).map((g) => g.id), ...(s.classes?.data ?? []).map((c) => c.id)],
    characteristics: {
      pupilPremium: truthy(extended?.premium_pupil_indicator),
      freeSchoolMeals: truthy(extended?.free_school_meals),
      sen: senStatus(extended?.sen_status),
      eal: truthy(extended?.english_as_additional_language),
    },
    contacts: (s.contacts?.data ?? []).map(toLink).sort((a, b) => a.priority - b.priority),
    leaveDate: null,
  };
}

const GROUP_KINDS: Record<string, GroupKind> = { REGISTRATION: 'registration', YEAR: 'year', HOUSE: 'house' };

export function toGroup(g: WondeGroup): MisGroup {
  return { misId: g.id, kind: GROUP_KINDS[g.type] ?? 'other', name: g.name, code: g.code };
}

export function toClassGroup(c: WondeClass): MisGroup {
  return { misId: c.id, kind: 'teaching', name: c.name, code: c.code };
}

export function toStaff(e: WondeEmployee): MisStaffMember {
  const details = e.employment_details?.data;
  return {
    misId: e.id,
    title: e.title,
    forename: e.forename,
    surname: e.surname,
    jobTitle: details?.job_title ?? details?.role_text ?? null,
    email: emails(e.contact_details?.data)[0] ?? null,
  };
}
