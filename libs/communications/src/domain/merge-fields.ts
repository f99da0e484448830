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

/** `text` with its merge fields filled for one recipient; `escape` for HTML. */
export function mergeFields(
  text: string,
  recipient: Recipient,
  schoolName: string,
  escape: (value: string) => string = (v) => v,
): string {
  const values: Record<MergeField, string> = {
    title: recipient.title ?? '',
    forename: recipient.forename,
    surname: recipient.surname,
    children: listNames(recipient.children),
    school: schoolName,
  };
  return text.replace(FIELD, (whole, name: string) => {
    const value = values[name.toLowerCase() as MergeField];
    return value === undefined ? whole : escape(value);
  });
}

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
