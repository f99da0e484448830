import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, unwrap } from '../api/client';
import { toApiError, type ApiError } from '../api/problem';
import type { Role, School } from '../api/types';
import type { Permission } from '../lib/permissions';
import { useSessionStore } from './session';

/** A school the signed-in person can work in, and the role that gives them access. */
export interface SchoolOption {
  readonly id: string;
  readonly name: string;
  readonly trustId: string;
  readonly trustName: string;
  readonly role: Role;
  /** What that role allows here (from /api/v1/me). */
  readonly permissions: readonly Permission[];
}

const STORAGE_KEY = 'rowan.currentSchoolId';
const STAFF_ROLES: readonly Role[] = ['trust_admin', 'school_admin', 'office', 'teacher'];

/** The schools to switch between and the one being worked in (persisted, and mirrored in the URL). */
export const useCurrentSchoolStore = defineStore('current-school', () => {
  const schools = ref<SchoolOption[]>([]);
  const currentId = ref<string | null>(readStored());
  const loaded = ref(false);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);

  const current = computed<SchoolOption | null>(
    () => schools.value.find((s) => s.id === currentId.value) ?? schools.value[0] ?? null,
  );
  /** Trusts the person administers (trust_admin memberships). */
  const adminTrusts = computed(() => {
    const session = useSessionStore();
    return session.memberships
      .filter((m) => m.role === 'trust_admin')
      .map((m) => ({ ...m.trust, permissions: m.permissions }));
  });

  async function load(): Promise<void> {
    const session = useSessionStore();
    loading.value = true;
    error.value = null;
    try {
      const byId = new Map<string, SchoolOption>();
      for (const trust of adminTrusts.value) {
        for (const school of await listAllSchools(trust.id)) {
          byId.set(school.id, {
            id: school.id,
            name: school.name,
            trustId: trust.id,
            trustName: trust.name,
            role: 'trust_admin',
            permissions: trust.permissions,
          });
        }
      }
      for (const m of session.memberships) {
        if (m.school && STAFF_ROLES.includes(m.role) && !byId.has(m.school.id)) {
          byId.set(m.school.id, {
            id: m.school.id,
            name: m.school.name,
            trustId: m.trust.id,
            trustName: m.trust.name,
            role: m.role,
            permissions: m.permissions,
          });
        }
      }
      schools.value = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      loaded.value = true;
    } catch (e) {
      error.value = toApiError(e);
    } finally {
      loading.value = false;
    }
  }

  function has(schoolId: string): boolean {
    return schools.value.some((s) => s.id === schoolId);
  }

  function select(schoolId: string): void {
    currentId.value = schoolId;
    try {
      window.localStorage.setItem(STORAGE_KEY, schoolId);
    } catch {
      // Storage can be unavailable (private browsing); the URL still carries the school.
    }
  }

  /** Adds a school just created by a trust admin, so the switcher offers it at once. */
  function add(option: SchoolOption): void {
    if (!has(option.id)) {
      schools.value = [...schools.value, option].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    }
  }

  return { schools, currentId, current, adminTrusts, loaded, loading, error, load, has, select, add };
});

async function listAllSchools(trustId: string): Promise<School[]> {
  const all: School[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api().GET('/api/v1/trusts/{trustId}/schools', {
        params: { path: { trustId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
