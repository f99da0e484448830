import type { RouteRecordRaw } from 'vue-router';

export const dataProtectionRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/data-protection',
    name: 'data-protection',
    component: () => import('./pages/data-protection-page.vue'),
    meta: {
      title: 'Data protection',
      nav: { label: 'Data protection', order: 92, scope: 'school', permission: 'retention:read' },
    },
  },
  {
    path: 'trusts/:trustId/school-deletions',
    name: 'trust-school-deletions',
    component: () => import('./pages/trust-deletions-page.vue'),
    meta: {
      title: 'Destroyed school data',
      nav: { label: 'Destroyed school data', order: 88, scope: 'trust', audience: 'trust_admin' },
    },
  },
];
