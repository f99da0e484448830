import type { RouteRecordRaw } from 'vue-router';

export const schoolRoutes: RouteRecordRaw[] = [
  {
    path: 'trusts/:trustId/schools',
    name: 'schools',
    component: () => import('./pages/schools-page.vue'),
    meta: { title: 'Schools', nav: { label: 'Schools', order: 80, scope: 'trust', audience: 'trust_admin' } },
  },
];
