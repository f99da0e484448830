import { nextTick } from 'vue';
import {
  createRouter,
  createWebHistory,
  loadRouteLocation,
  START_LOCATION,
  type RouteRecordRaw,
} from 'vue-router';
import { auditRoutes } from './features/audit/routes';
import { dataProtectionRoutes } from './features/data-protection/routes';
import { authRoutes } from './features/auth/routes';
import { directoryRoutes } from './features/directory/routes';
import { eventsRoutes } from './features/events/routes';
import { messagesRoutes } from './features/messages/routes';
import { eventReportsRoutes } from './features/event-reports/routes';
import { messagingReportsRoutes } from './features/messaging-reports/routes';
import { homeRoutes } from './features/home/routes';
import { membershipRoutes } from './features/memberships/routes';
import { parentRoutes } from './features/parent/routes';
import { parentsEveningsRoutes } from './features/parents-evenings/routes';
import { paymentsRoutes } from './features/payments/routes';
import { schoolRoutes } from './features/schools/routes';
import { trustOverviewRoutes } from './features/trust-overview/routes';
import { trustRoutes } from './features/trusts/routes';
import type { Permission } from './lib/permissions';
import { useSessionStore } from './stores/session';

/** An entry in the staff app's left navigation; features declare it on their route. */
export interface NavEntry {
  readonly label: string;
  /** Position in the list; leave gaps (10, 20, …) so new features slot in. */
  readonly order: number;
  /** Which id the link needs: the current school's, a trust the person administers, or none. */
  readonly scope: 'global' | 'school' | 'trust';
  /** Only for trust admins or platform operators; everyone in the staff app otherwise. */
  readonly audience?: 'trust_admin' | 'operator';
  /** For school pages: what the person's role at the current school must allow. */
  readonly permission?: Permission;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable signed out (sign-in landing, OIDC callback). */
    public?: boolean;
    /** Which area a route tree belongs to. */
    area?: 'staff' | 'parent';
    /** Page title, before " – Rowan". */
    title?: string;
    nav?: NavEntry;
  }
}

/** Staff features, each a route module; add the next one (directory, messages, events…) here. */
const staffFeatures: RouteRecordRaw[] = [
  ...homeRoutes,
  ...membershipRoutes,
  ...directoryRoutes,
  ...messagesRoutes,
  ...eventsRoutes,
  ...parentsEveningsRoutes,
  ...paymentsRoutes,
  ...messagingReportsRoutes,
  ...eventReportsRoutes,
  ...auditRoutes,
  ...dataProtectionRoutes,
  ...schoolRoutes,
  ...trustOverviewRoutes,
  ...trustRoutes,
];

const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/parent',
    component: () => import('./features/parent/parent-layout.vue'),
    meta: { area: 'parent' },
    children: parentRoutes,
  },
  {
    path: '/',
    component: () => import('./features/staff-shell/staff-layout.vue'),
    meta: { area: 'staff' },
    children: staffFeatures,
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./features/errors/pages/not-found-page.vue'),
    meta: { public: true, title: 'Page not found' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/**
 * Starts downloading the code of the page the browser opened (its area's chunk and the page's) at boot, while
 * the configuration and the session load, instead of after them: on a phone that is a round trip or two less
 * before the page shows. Not for the staff area: who may see it is known only once `/me` answers, and its code
 * must never reach a parent's phone on a guess (a parent opening `/` is sent on to `/parent`). A failure is
 * left for the navigation itself to report.
 */
export function preloadOpeningPage(): void {
  const { pathname, search, hash } = window.location;
  const opening = router.resolve(`${pathname}${search}${hash}`);
  if (!opening.matched.some((r) => r.meta.area === 'staff')) {
    loadRouteLocation(opening).catch(() => undefined);
  }
}

router.beforeEach(async (to) => {
  if (to.meta.public) {
    return true;
  }
  const session = useSessionStore();
  if (!session.user) {
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { returnTo: to.fullPath } };
  }
  if (!session.me) {
    await session.loadMe();
    if (!session.me) {
      return { name: 'sign-in' };
    }
  }
  if (to.matched.some((r) => r.meta.area === 'staff') && session.isParentOnly) {
    return { path: '/parent' };
  }
  return true;
});

router.afterEach((to, from, failure) => {
  if (failure) {
    return;
  }
  document.title = to.meta.title ? `${to.meta.title} – Rowan` : 'Rowan';
  // After a page change, start screen readers and keyboards at the new page's heading.
  if (from !== START_LOCATION && from.path !== to.path) {
    void nextTick(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      (heading ?? document.getElementById('main-content'))?.focus();
    });
  }
});
