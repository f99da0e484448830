/**
 * Wonde's `include=` parameter: one comma-separated list where dots nest, e.g.
 * `contacts,contacts.contact_details,extended_details` → { contacts: { contact_details }, extended_details }.
 * `contacts.contact_details` alone implies `contacts`, as on Wonde.
 */
export interface IncludeTree {
  readonly [relation: string]: IncludeTree;
}

export const NO_INCLUDES: IncludeTree = Object.freeze({});

export function parseIncludes(param: string | null): IncludeTree {
  const root: Record<string, Record<string, unknown>> = {};
  for (const path of (param ?? '').split(',')) {
    let node: Record<string, unknown> = root;
    for (const part of path.trim().split('.')) {
      if (part === '') {
        break;
      }
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
  }
  return root as IncludeTree;
}

/** A canonical spelling of a tree (sorted), for cache keys. */
export function includeKey(tree: IncludeTree): string {
  return Object.keys(tree)
    .sort()
    .map((key) => {
      const child = tree[key] as IncludeTree;
      return Object.keys(child).length === 0 ? key : `${key}(${includeKey(child)})`;
    })
    .join(',');
}
