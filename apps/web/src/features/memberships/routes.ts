import type { RouteRecordRaw } from 'vue-router';

export const membershipRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/staff',
    name: 'staff',
    component: () => import('./pages/staff-page.vue'),
    meta: {
      title: 'Staff',
      nav: { label: 'Staff', order: 20, scope: 'school', permission: 'memberships:read' },
    },
  },
];
