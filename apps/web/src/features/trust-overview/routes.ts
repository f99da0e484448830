import type { RouteRecordRaw } from 'vue-router';

export const trustOverviewRoutes: RouteRecordRaw[] = [
  {
    path: 'trusts/:trustId/directory-overview',
    name: 'directory-overview',
    component: () => import('./pages/directory-overview-page.vue'),
    meta: {
      title: 'Directory overview',
      nav: { label: 'Directory overview', order: 82, scope: 'trust', audience: 'trust_admin' },
    },
  },
];
