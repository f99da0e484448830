import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('./pages/home-page.vue'),
    meta: { title: 'Home', nav: { label: 'Home', order: 0, scope: 'global' } },
  },
];
