import type {
  WondeAddress,
  WondeContactDetails,
  WondeEducationDetails,
  WondeEmploymentDetails,
  WondeExtendedDetails,
  WondeRelationship,
} from '@rowan/adapters/wonde/wonde-wire.types';
import type { Address, ContactLink, ContactRecord, EmployeeRecord, PupilRecord } from './school-records';
import { wondeCalendarDate, wondeTimestamp } from './wonde-dates';

/** The `data` of Wonde's detail blocks, built from the records (no relations, so no recursion here). */

export function contactDetailsOfContact(contact: ContactRecord): WondeContactDetails {
  const primaryPhone = contact.mobile ?? contact.homePhone ?? contact.workPhone;
  return {
    emails: {
      email: contact.email ?? contact.workEmail,
      primary: contact.email ?? contact.workEmail,
      home: contact.email,
      work: contact.workEmail,
    },
    phones: {
      phone: primaryPhone,
      primary: primaryPhone,
      home: contact.homePhone,
      work: contact.workPhone,
      mobile: contact.mobile,
    },
    addresses: { home: address(contact.address), work: null },
  };
}

export function contactDetailsOfEmployee(employee: EmployeeRecord): WondeContactDetails {
  return {
    emails: { email: employee.email, primary: employee.email, home: null, work: employee.email },
    phones: {
      phone: employee.workPhone,
      primary: employee.workPhone,
      home: null,
      work: employee.workPhone,
      mobile: employee.mobile,
    },
  };
}

/**
 * A pupil's own details: secondary-age pupils have a school email (as `email` and `primary`); pupils have no phone
 * in the MIS, so those values are null.
 */
export function contactDetailsOfPupil(pupil: PupilRecord): WondeContactDetails {
  return {
    emails: { email: pupil.email, primary: pupil.email, home: null, work: null },
    phones: { phone: null, primary: null, home: null, work: null, mobile: null },
  };
}

export function relationship(link: ContactLink): WondeRelationship {
  return {
    relationship: link.relationship,
    parental_responsibility: link.parentalResponsibility,
    priority: link.priority,
    lives_with_pupil: link.livesWithPupil,
    bill_payer: link.priority === 1,
    correspondence: link.parentalResponsibility,
    pupil_report: link.parentalResponsibility,
    court_order: false,
    email_bills: false,
    copy_bills: false,
  };
}

export function extendedDetails(pupil: PupilRecord): WondeExtendedDetails {
  const c = pupil.characteristics;
  return {
    sen_status: c.sen,
    premium_pupil_indicator: c.pupilPremium,
    free_school_meals: c.freeSchoolMeals,
    free_school_meals_6: c.freeSchoolMeals6,
    english_as_additional_language: c.eal,
    first_language: c.firstLanguage,
    ethnicity: c.ethnicity,
    in_lea_care: false,
    ever_in_care: false,
    service_children_indicator: false,
  };
}

export function educationDetails(pupil: PupilRecord): WondeEducationDetails {
  return {
    admission_number: pupil.admissionNumber,
    upn: pupil.upn,
    former_upn: null,
    current_nc_year: pupil.ncYear,
    admission_date: wondeCalendarDate(pupil.admissionDate),
    leaving_date: wondeCalendarDate(pupil.leavingDate),
  };
}

export function employmentDetails(employee: EmployeeRecord): WondeEmploymentDetails {
  return {
    current: true,
    teaching_staff: employee.role === 'teacher' || employee.role === 'head',
    role_text: employee.roleText,
    employment_start_date: wondeTimestamp(employee.createdAt),
    employment_end_date: null,
  };
}

function address(value: Address): WondeAddress {
  return {
    house_number: value.houseNumber,
    house_name: null,
    apartment: null,
    street: value.street,
    district: value.district,
    town: value.town,
    county: value.county,
    country: 'United Kingdom',
    postcode: value.postcode,
  };
}
