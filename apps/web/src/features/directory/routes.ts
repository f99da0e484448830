import type { RouteRecordRaw } from 'vue-router';

export const directoryRoutes: RouteRecordRaw[] = [
  {
    // No component of its own: the list and a pupil's page are siblings, so "Pupils" in the
    // navigation stays current on a pupil's page.
    path: 'schools/:schoolId/pupils',
    children: [
      {
        path: '',
        name: 'pupils',
        component: () => import('./pages/pupils-page.vue'),
        meta: {
          title: 'Pupils',
          nav: { label: 'Pupils', order: 30, scope: 'school', permission: 'directory:read' },
        },
      },
      {
        path: ':pupilId',
        name: 'pupil',
        component: () => import('./pages/pupil-page.vue'),
        meta: { title: 'Pupil' },
      },
    ],
  },
  {
    path: 'schools/:schoolId/mis-sync',
    name: 'mis-sync',
    component: () => import('./pages/mis-sync-page.vue'),
    meta: {
      title: 'MIS sync',
      nav: { label: 'MIS sync', order: 85, scope: 'school', permission: 'directory:read' },
    },
  },
];
