import type { RouteRecordRaw } from 'vue-router';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/audit',
    name: 'audit',
    component: () => import('./pages/audit-page.vue'),
    meta: {
      title: 'Audit log',
      nav: { label: 'Audit log', order: 90, scope: 'school', permission: 'audit:read' },
    },
  },
];
