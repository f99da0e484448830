import type { SelectOption } from '../../ui/types';

/** Actions the audit log can be filtered by, with the words staff see. Unknown actions show as sent. */
export const AUDIT_ACTIONS: readonly SelectOption<string>[] = [
  { value: 'membership.invited', label: 'Staff invited' },
  { value: 'membership.role_changed', label: 'Role changed' },
  { value: 'membership.revoked', label: 'Access revoked' },
  { value: 'membership.activated', label: 'Invitation accepted' },
  { value: 'membership.parent_invited', label: 'Parent invited to the app' },
  { value: 'directory.mis_connected', label: 'MIS connected' },
  { value: 'directory.sync_requested', label: 'MIS sync requested' },
  { value: 'directory.import_uploaded', label: 'Directory files uploaded' },
  { value: 'directory.import_applied', label: 'Directory upload applied' },
  { value: 'school.created', label: 'School added' },
  { value: 'trust.created', label: 'Trust created' },
  { value: 'session.signed_in', label: 'Signed in' },
  { value: 'report.exported', label: 'Report downloaded' },
  { value: 'subject_access.exported', label: 'Subject access export' },
  { value: 'retention.ran', label: 'Retention run' },
  { value: 'contract.end_recorded', label: 'Contract end recorded' },
  { value: 'contract.end_withdrawn', label: 'Contract end withdrawn' },
];

/** "membership.role_changed" -> "Role changed"; an action not listed here reads "Membership activated". */
export function actionLabel(action: string): string {
  return AUDIT_ACTIONS.find((a) => a.value === action)?.label ?? sentence(action.replace(/[._-]+/g, ' '));
}

const TARGET_LABELS: Record<string, string> = {
  booking: 'Booking',
  event: 'Event',
  appointment: 'Parents’ evening appointment',
  message: 'Message',
  membership: 'Membership',
  school: 'School',
  trust: 'Trust',
  user: 'User',
  contact: 'Contact',
  pupil: 'Pupil',
  staff: 'Member of staff',
  mis_connection: 'MIS connection',
  sync_run: 'MIS sync',
  directory_import: 'Directory upload',
  report: 'Report',
};

export function targetLabel(targetType: string): string {
  return TARGET_LABELS[targetType] ?? sentence(targetType.replace(/[._-]+/g, ' '));
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a change can be to, for the audit log's filter. */
export const AUDIT_TARGETS: readonly SelectOption<string>[] = Object.entries(TARGET_LABELS).map(
  ([value, label]) => ({ value, label }),
);
