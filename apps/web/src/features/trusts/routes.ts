import type { RouteRecordRaw } from 'vue-router';

export const trustRoutes: RouteRecordRaw[] = [
  {
    path: 'trusts',
    name: 'trusts',
    component: () => import('./pages/trusts-page.vue'),
    meta: { title: 'Trusts', nav: { label: 'Trusts', order: 100, scope: 'global', audience: 'operator' } },
  },
];
