import { computed } from 'vue';
import { useRouter, type RouteLocationRaw } from 'vue-router';
import { can } from '../../../lib/permissions';
import { useCurrentSchoolStore } from '../../../stores/current-school';
import { useSessionStore } from '../../../stores/session';

export interface NavItem {
  readonly key: string;
  readonly label: string;
  readonly to: RouteLocationRaw;
  /** Active only on its own page (Home), not on pages below it. */
  readonly exact: boolean;
}

/** The left navigation, built from the `meta.nav` of every staff route a feature registers. */
export function useNavItems() {
  const router = useRouter();
  const session = useSessionStore();
  const schools = useCurrentSchoolStore();

  const trustId = computed(() => {
    const trusts = schools.adminTrusts;
    const current = schools.current;
    return trusts.find((t) => t.id === current?.trustId)?.id ?? trusts[0]?.id ?? null;
  });

  const data = computed<NavItem[]>(() =>
    router
      .getRoutes()
      .filter((r) => r.meta.nav && typeof r.name === 'string')
      .sort((a, b) => (a.meta.nav?.order ?? 0) - (b.meta.nav?.order ?? 0))
      .flatMap((r): NavItem[] => {
        const nav = r.meta.nav;
        const name = r.name as string;
        if (!nav) {
          return [];
        }
        if (nav.audience === 'operator' && !session.me?.operator) {
          return [];
        }
        if (nav.audience === 'trust_admin' && schools.adminTrusts.length === 0) {
          return [];
        }
        if (nav.scope === 'school') {
          const school = schools.current;
          const schoolId = school && (!nav.permission || can(school, nav.permission)) ? school.id : undefined;
          return schoolId
            ? [{ key: name, label: nav.label, to: { name, params: { schoolId } }, exact: false }]
            : [];
        }
        if (nav.scope === 'trust') {
          return trustId.value
            ? [
                {
                  key: name,
                  label: nav.label,
                  to: { name, params: { trustId: trustId.value } },
                  exact: false,
                },
              ]
            : [];
        }
        return [{ key: name, label: nav.label, to: { name }, exact: r.path === '/' }];
      }),
  );

  return { data };
}
