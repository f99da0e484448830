import type { RouteRecordRaw } from 'vue-router';

export const eventReportsRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/event-reports',
    name: 'event-reports',
    component: () => import('./pages/school-reports-page.vue'),
    meta: {
      title: 'Event reports',
      nav: { label: 'Event reports', order: 26, scope: 'school', permission: 'reports:read' },
    },
  },
  {
    path: 'schools/:schoolId/events/:eventId/report',
    name: 'event-report',
    component: () => import('./pages/event-report-page.vue'),
    meta: { title: 'Event report' },
  },
  {
    path: 'trusts/:trustId/event-reports',
    name: 'trust-event-reports',
    component: () => import('./pages/trust-event-reports-page.vue'),
    meta: {
      title: 'Trust event reports',
      nav: { label: 'Trust events', order: 85, scope: 'trust', audience: 'trust_admin' },
    },
  },
];
