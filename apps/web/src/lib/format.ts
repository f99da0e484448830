import type { MembershipStatus, Role } from '../api/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface LondonParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Wall-clock parts of an instant in Europe/London. */
export function inLondon(date: Date): LondonParts {
  const parts = Object.fromEntries(londonParts.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** "23 Nov 2026, 14:05", in Europe/London whatever the browser's time zone. */
export function formatDateTime(iso: string): string {
  const p = inLondon(new Date(iso));
  return `${formatDay(p)}, ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "23 Nov 2026", in Europe/London. */
export function formatDate(iso: string): string {
  return formatDay(inLondon(new Date(iso)));
}

/** A machine-readable value for `<time datetime>`. */
export function isoAttr(iso: string): string {
  return new Date(iso).toISOString();
}

const ROLE_LABELS: Record<Role, string> = {
  trust_admin: 'Trust admin',
  school_admin: 'School admin',
  office: 'Office',
  teacher: 'Teacher',
  parent: 'Parent',
  integration: 'Integration',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

const STATUS_LABELS: Record<MembershipStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  revoked: 'Revoked',
};

export function statusLabel(status: MembershipStatus): string {
  return STATUS_LABELS[status];
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`.trim();
}

function formatDay(p: LondonParts): string {
  return `${p.day} ${MONTHS[p.month - 1] ?? ''} ${p.year}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
