import type { MembershipStatus, Role } from '../api/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

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

/** "14:05", the wall-clock time of an instant in Europe/London. */
export function formatTime(iso: string): string {
  const p = inLondon(new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "15 January", a day in Europe/London without the year, as families read a due date. */
export function formatDayMonth(iso: string): string {
  const p = inLondon(new Date(iso));
  return `${p.day} ${LONG_MONTHS[p.month - 1] ?? ''}`;
}

/**
 * Integer pence as pounds: 1850 -> "£18.50", 5 -> "£0.05", 123456 -> "£1,234.56", -925 -> "−£9.25" (a minus
 * sign, not a hyphen). Integer arithmetic only, so no float ever rounds a penny away.
 */
export function formatPence(pence: number): string {
  const whole = Math.round(pence);
  const abs = Math.abs(whole);
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole < 0 ? '−' : ''}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** Integer pence as a form's pounds value, without the sign or separators: 1850 -> "18.50". */
export function poundsInput(pence: number): string {
  const whole = Math.max(0, Math.round(pence));
  return `${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/**
 * Pounds as typed ("18.5", "£18.50", "1,200") to integer pence, read as text so no float is involved; null when
 * it is not an amount of money.
 */
export function parsePounds(text: string): number | null {
  const match = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const pounds = Number((match[1] ?? '0').replace(/,/g, ''));
  const pence = Number((match[2] ?? '').padEnd(2, '0'));
  return pounds * 100 + pence;
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
