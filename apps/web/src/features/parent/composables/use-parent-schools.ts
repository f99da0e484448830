import { computed } from 'vue';
import { useSessionStore } from '../../../stores/session';

export interface ParentSchool {
  readonly id: string;
  readonly name: string;
  readonly trustName: string;
}

/** The schools where the signed-in person is a parent, from `/api/v1/me` (loaded at sign-in). */
export function useParentSchools() {
  const session = useSessionStore();

  const data = computed<ParentSchool[]>(() => {
    const byId = new Map<string, ParentSchool>();
    for (const m of session.parentMemberships) {
      if (m.school) {
        byId.set(m.school.id, { id: m.school.id, name: m.school.name, trustName: m.trust.name });
      }
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  });
  const hasStaffAccess = computed(
    () => Boolean(session.me?.operator) || session.memberships.some((m) => m.role !== 'parent'),
  );

  return {
    data,
    loading: computed(() => session.me === null),
    error: computed(() => session.error),
    hasStaffAccess,
    reload: session.loadMe,
  };
}
