import type { RouteRecordRaw } from 'vue-router';

export const paymentsRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/payments',
    name: 'payments',
    component: () => import('./pages/payments-page.vue'),
    meta: {
      title: 'Payments',
      nav: { label: 'Payments', order: 40, scope: 'school', permission: 'payments:read' },
    },
  },
];
