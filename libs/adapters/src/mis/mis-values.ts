import type { SenStatus } from '@rowan/directory';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** How MIS values are read, whatever the route (Wonde or a CSV upload). */

/** MIS values vary: booleans, 'Y'/'N', 'T'/'F', 'Yes'/'No', '1'/'0'. */
export function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return value !== 0;
  }
  return typeof value === 'string' && /^(y|yes|t|true|1)$/i.test(value.trim());
}

/** SEN codes: N none; K SEN support (also the older A/P 'School Action'); E or S an EHC plan or statement. */
export function senStatus(code: string | null | undefined): SenStatus {
  const c = (code ?? '').trim().toUpperCase();
  if (c === 'E' || c === 'S') {
    return 'ehc_plan';
  }
  if (c === 'K' || c === 'A' || c === 'P') {
    return 'sen_support';
  }
  return 'none';
}

/** 'R' is Reception (0); 'N1'/'N2' nursery (-2/-1); numbers as given. */
export function ncYear(value: string | null | undefined): number | null {
  const v = (value ?? '').trim().toUpperCase();
  if (v === 'R') {
    return 0;
  }
  if (v === 'N1') {
    return -2;
  }
  if (v === 'N2') {
    return -1;
  }
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}

const UK_MOBILE = /^(?:\+44|0044|0)(7[1-57-9]\d{8})$/;
const UK_LANDLINE = /^(?:\+44|0044|0)([1-3]\d{8,9})$/;
const parsed = new Map<string, string | null>();

/**
 * A number as an SMS can reach it, in E.164, or null (a landline, or not a number). UK mobiles and landlines
 * take a fast path; anything else goes through libphonenumber (remembered, as siblings share contacts).
 */
export function mobileE164(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  const uk = UK_MOBILE.exec(compact);
  if (uk) {
    return `+44${uk[1]}`;
  }
  if (UK_LANDLINE.test(compact)) {
    return null;
  }
  let known = parsed.get(compact);
  if (known === undefined) {
    const number = parsePhoneNumberFromString(compact, 'GB');
    const type = number?.getType();
    known =
      number?.isValid() && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') ? number.number : null;
    if (parsed.size > 100_000) {
      parsed.clear();
    }
    parsed.set(compact, known);
  }
  return known;
}
