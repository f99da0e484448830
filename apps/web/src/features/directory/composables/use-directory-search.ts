import type { Ref } from 'vue';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import type { PickedOption } from '../../../ui/types';

export type GroupKind = NonNullable<
  NonNullable<paths['/api/v1/schools/{schoolId}/groups']['get']['parameters']['query']>['kind']
>;

export const GROUP_KINDS: ReadonlyArray<{ value: GroupKind | ''; label: string }> = [
  { value: '', label: 'Any kind' },
  { value: 'registration', label: 'Registration classes' },
  { value: 'year', label: 'Year groups' },
  { value: 'teaching', label: 'Teaching groups' },
  { value: 'house', label: 'Houses' },
  { value: 'other', label: 'Other groups' },
];
const KIND_WORD: Record<GroupKind, string> = {
  registration: 'class',
  year: 'year group',
  teaching: 'teaching group',
  house: 'house',
  other: 'group',
};

/**
 * Searches for the pickers that choose pupils (a message's audience, an event's eligibility): the school's
 * groups (optionally of one kind) and its pupils by name.
 */
export function useDirectorySearch(schoolId: Ref<string>) {
  async function groups(term: string, groupKind: GroupKind | '' = ''): Promise<PickedOption[]> {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/groups', {
        params: {
          path: { schoolId: schoolId.value },
          query: {
            limit: 50,
            ...(term ? { search: term } : {}),
            ...(groupKind ? { kind: groupKind } : {}),
          },
        },
      }),
    );
    return page.items.map((g) => ({
      id: g.id,
      label: g.name,
      hint: `${KIND_WORD[g.kind]}, ${g.members} pupil${g.members === 1 ? '' : 's'}`,
    }));
  }

  async function pupils(term: string): Promise<PickedOption[]> {
    const page = await unwrap(
      api().GET('/api/v1/schools/{schoolId}/pupils', {
        params: { path: { schoolId: schoolId.value }, query: { search: term, limit: 20 } },
      }),
    );
    return page.items.map((p) => ({
      id: p.id,
      label: `${p.preferredForename} ${p.preferredSurname}`,
      hint: [p.yearGroup, p.registrationGroup].filter(Boolean).join(', ') || undefined,
    }));
  }

  /** Names for saved ids (editing a message): groups by paging the list, pupils one by one. */
  async function labels(groupIds: readonly string[], pupilIds: readonly string[]) {
    const wanted = new Set(groupIds);
    const found = new Map<string, PickedOption>();
    let cursor: string | undefined;
    while (found.size < wanted.size) {
      const page = await unwrap(
        api().GET('/api/v1/schools/{schoolId}/groups', {
          params: {
            path: { schoolId: schoolId.value },
            query: { limit: 200, ...(cursor ? { cursor } : {}) },
          },
        }),
      );
      page.items.filter((g) => wanted.has(g.id)).forEach((g) => found.set(g.id, { id: g.id, label: g.name }));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) {
        break;
      }
    }
    const named = await Promise.all(
      pupilIds.map(async (id) => {
        try {
          const p = await unwrap(
            api().GET('/api/v1/schools/{schoolId}/pupils/{pupilId}', {
              params: { path: { schoolId: schoolId.value, pupilId: id } },
            }),
          );
          return { id, label: `${p.preferredForename} ${p.preferredSurname}` };
        } catch {
          return { id, label: 'A pupil no longer on the directory' };
        }
      }),
    );
    return {
      groups: groupIds.map((id) => found.get(id) ?? { id, label: 'A group no longer in the MIS' }),
      pupils: named,
    };
  }

  return { groups, pupils, labels };
}
