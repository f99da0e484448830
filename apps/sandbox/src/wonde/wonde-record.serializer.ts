import type {
  WondeClass,
  WondeContact,
  WondeDeletion,
  WondeEmployee,
  WondeGroup,
  WondeStudent,
} from '@rowan/adapters/wonde/wonde-wire.types';
import type { IncludeTree } from './include-tree';
import type {
  ClassRecord,
  ContactRecord,
  DeletionRecord,
  EmployeeRecord,
  GroupRecord,
  PupilRecord,
  SchoolData,
} from './school-records';
import { wondeCalendarDate, wondeTimestamp } from './wonde-dates';
import {
  contactDetailsOfContact,
  contactDetailsOfPupil,
  contactDetailsOfEmployee,
  educationDetails,
  employmentDetails,
  extendedDetails,
} from './wonde-details.serializer';
import { upiFor } from './wonde-ids';

/**
 * Records → Wonde objects: each record's own fields plus the detail blocks asked for in `include=`
 * (`extended_details`, `education_details`, `contact_details`, `employment_details`, `subject`). Relations to
 * other records (`contacts`, `classes`, `students`…) are added by `WondeJsonRenderer`, which caches them.
 */
export class WondeRecordSerializer {
  private readonly upis = new Map<string, string>();

  constructor(private readonly school: SchoolData) {}

  private upi(misId: string): string {
    let upi = this.upis.get(misId);
    if (upi === undefined) {
      upi = upiFor(this.school.seed, misId);
      this.upis.set(misId, upi);
    }
    return upi;
  }

  student(pupil: PupilRecord, inc: IncludeTree): WondeStudent {
    return {
      id: pupil.id,
      upi: this.upi(pupil.misId),
      mis_id: pupil.misId,
      initials: initials(pupil.forename, pupil.surname),
      forename: pupil.forename,
      surname: pupil.surname,
      middle_names: pupil.middleNames,
      legal_forename: pupil.legalForename,
      legal_surname: pupil.legalSurname,
      gender: pupil.gender,
      date_of_birth: wondeCalendarDate(pupil.dateOfBirth),
      created_at: wondeTimestamp(pupil.createdAt),
      updated_at: wondeTimestamp(pupil.updatedAt),
      restored_at: null,
      ...(inc.extended_details && { extended_details: { data: extendedDetails(pupil) } }),
      ...(inc.education_details && { education_details: { data: educationDetails(pupil) } }),
      ...(inc.contact_details && { contact_details: { data: contactDetailsOfPupil(pupil) } }),
    };
  }

  contact(contact: ContactRecord, inc: IncludeTree): WondeContact {
    return {
      id: contact.id,
      upi: this.upi(contact.misId),
      mis_id: contact.misId,
      title: contact.title,
      initials: initials(contact.forename, contact.surname),
      forename: contact.forename,
      surname: contact.surname,
      middle_names: contact.middleNames,
      gender: contact.gender,
      created_at: wondeTimestamp(contact.createdAt),
      updated_at: wondeTimestamp(contact.updatedAt),
      restored_at: null,
      ...(inc.contact_details && { contact_details: { data: contactDetailsOfContact(contact) } }),
    };
  }

  employee(employee: EmployeeRecord, inc: IncludeTree): WondeEmployee {
    return {
      id: employee.id,
      upi: this.upi(employee.misId),
      mis_id: employee.misId,
      title: employee.title,
      initials: initials(employee.forename, employee.surname),
      forename: employee.forename,
      surname: employee.surname,
      middle_names: null,
      legal_forename: employee.forename,
      legal_surname: employee.surname,
      gender: employee.gender,
      created_at: wondeTimestamp(employee.createdAt),
      updated_at: wondeTimestamp(employee.updatedAt),
      restored_at: null,
      ...(inc.employment_details && { employment_details: { data: employmentDetails(employee) } }),
      ...(inc.contact_details && { contact_details: { data: contactDetailsOfEmployee(employee) } }),
    };
  }

  group(group: GroupRecord): WondeGroup {
    return {
      id: group.id,
      mis_id: group.misId,
      name: group.name,
      code: group.code,
      type: group.type,
      description: group.description,
      created_at: wondeTimestamp(group.createdAt),
      updated_at: wondeTimestamp(group.updatedAt),
      restored_at: null,
    };
  }

  klass(klass: ClassRecord, inc: IncludeTree): WondeClass {
    const subject = klass.subjectId ? this.school.subjects.get(klass.subjectId) : undefined;
    const subjectData = subject && {
      id: subject.id,
      mis_id: subject.misId,
      code: subject.code,
      name: subject.name,
    };
    return {
      id: klass.id,
      mis_id: klass.misId,
      name: klass.name,
      code: klass.code,
      description: klass.description,
      subject: inc.subject ? { data: subjectData ?? null } : (klass.subjectId ?? null),
      alternative: false,
      created_at: wondeTimestamp(klass.createdAt),
      updated_at: wondeTimestamp(klass.updatedAt),
      restored_at: null,
    };
  }

  deletion(deletion: DeletionRecord): WondeDeletion {
    return {
      id: deletion.id,
      type: deletion.type,
      mis_id: deletion.misId,
      deleted_at: wondeTimestamp(deletion.deletedAt),
      restored_at: deletion.restoredAt === null ? null : wondeTimestamp(deletion.restoredAt),
    };
  }
}

function initials(forename: string, surname: string): string {
  return `${[...forename][0] ?? ''}${[...surname][0] ?? ''}`.toUpperCase();
}
