import type { Recipient } from './recipient';
import { listNames } from './recipient';

/** The merge fields a message may use, each replaced per recipient. */
export const MERGE_FIELDS = ['title', 'forename', 'surname', 'children', 'school'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const FIELD = /\{\{\s*([a-z_]+)\s*\}\}/gi;

/** Merge fields used in `text` that Rowan does not know, for validation. */
export function unknownMergeFields(text: string): string[] {
  return [...text.matchAll(FIELD)]
    .map((m) => m[1]!.toLowerCase())
    .filter((name) => !(MERGE_FIELDS as readonly string[]).includes(name));
}

/** Each merge field's value for one recipient. */
export function mergeValues(recipient: Recipient, schoolName: string): Record<MergeField, string> {
  return {
    title: recipient.title ?? '',
    forename: recipient.forename,
    surname: recipient.surname,
    children: listNames(recipient.children),
    school: schoolName,
  };
}

/**
 * `text` with each merge field handed to `placeholder` (for a provider's own template syntax), and the rest of
 * the text to `literal`.
 */
export function mapMergeFields(
  text: string,
  placeholder: (field: MergeField) => string,
  literal: (text: string) => string = (t) => t,
): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(FIELD)) {
    const name = m[1]!.toLowerCase();
    if ((MERGE_FIELDS as readonly string[]).includes(name)) {
      out += literal(text.slice(at, m.index)) + placeholder(name as MergeField);
      at = m.index + m[0].length;
    }
  }
  return out + literal(text.slice(at));
}

/** `text` with its merge fields filled for one recipient; `escape` for HTML. */
export function mergeFields(
  text: string,
  recipient: Recipient,
  schoolName: string,
  escape: (value: string) => string = (v) => v,
): string {
  const values = mergeValues(recipient, schoolName);
  return text.replace(FIELD, (whole, name: string) => {
    const value = values[name.toLowerCase() as MergeField];
    return value === undefined ? whole : escape(value);
  });
}

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
