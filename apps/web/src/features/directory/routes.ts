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
      {
        // Absolute, but under the same parent, so "Pupils" in the navigation stays current here too.
        path: '/schools/:schoolId/contacts/:contactId',
        name: 'contact',
        component: () => import('./pages/contact-page.vue'),
        meta: { title: 'Contact' },
      },
    ],
  },
  {
    // Not "School staff": the navigation already has "Staff" (Rowan access), and the two must stay
    // distinguishable by name.
    path: 'schools/:schoolId/mis-staff',
    name: 'mis-staff',
    component: () => import('./pages/mis-staff-page.vue'),
    meta: {
      title: 'School workforce',
      nav: { label: 'School workforce', order: 35, scope: 'school', permission: 'directory:read' },
    },
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
