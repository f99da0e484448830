import type { RouteRecordRaw } from 'vue-router';

export const messagingReportsRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/messaging-reports',
    name: 'messaging-reports',
    component: () => import('./pages/school-messaging-reports-page.vue'),
    meta: {
      title: 'Messaging reports',
      nav: { label: 'Messaging reports', order: 25, scope: 'school', permission: 'messages:read' },
    },
  },
  {
    path: 'trusts/:trustId/messaging-reports',
    name: 'trust-messaging-reports',
    component: () => import('./pages/trust-messaging-reports-page.vue'),
    meta: {
      title: 'Trust messaging reports',
      nav: { label: 'Trust messaging', order: 84, scope: 'trust', audience: 'trust_admin' },
    },
  },
  {
    path: 'trusts/:trustId/sms-budget',
    name: 'trust-sms-budget',
    component: () => import('./pages/trust-sms-budget-page.vue'),
    meta: {
      title: 'Trust SMS budget',
      nav: { label: 'Trust SMS budget', order: 86, scope: 'trust', audience: 'trust_admin' },
    },
  },
];
