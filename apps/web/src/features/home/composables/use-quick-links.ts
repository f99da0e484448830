import { computed } from 'vue';
import type { RouteLocationRaw } from 'vue-router';
import { can } from '../../../lib/permissions';
import { useCurrentSchoolStore } from '../../../stores/current-school';
import { useSessionStore } from '../../../stores/session';

export interface QuickLink {
  readonly title: string;
  readonly description: string;
  readonly to: RouteLocationRaw;
}

/** The home page's shortcuts for the current school and the person's role. */
export function useQuickLinks() {
  const session = useSessionStore();
  const schools = useCurrentSchoolStore();

  const data = computed<QuickLink[]>(() => {
    const links: QuickLink[] = [];
    const school = schools.current;
    if (school && can(school, 'memberships:read')) {
      links.push({
        title: 'Staff',
        description: can(school, 'memberships:manage')
          ? 'See who has access, invite staff and change roles.'
          : 'See who works at the school on Rowan.',
        to: { name: 'staff', params: { schoolId: school.id } },
      });
    }
    if (school && can(school, 'audit:read')) {
      links.push({
        title: 'Audit log',
        description: 'See who changed what, and when.',
        to: { name: 'audit', params: { schoolId: school.id } },
      });
    }
    const trust = schools.adminTrusts.find((t) => t.id === school?.trustId) ?? schools.adminTrusts[0];
    if (trust) {
      links.push({
        title: 'Schools',
        description: `The schools in ${trust.name}; add a new one.`,
        to: { name: 'schools', params: { trustId: trust.id } },
      });
    }
    if (session.me?.operator) {
      links.push({
        title: 'Trusts',
        description: 'Every trust on Rowan; set up a new trust.',
        to: { name: 'trusts' },
      });
    }
    return links;
  });

  return { data };
}
