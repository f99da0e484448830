import type { RouteRecordRaw } from 'vue-router';

export const eventsRoutes: RouteRecordRaw[] = [
  {
    path: 'my-schedule',
    name: 'my-schedule',
    component: () => import('./pages/my-schedule-page.vue'),
    meta: { title: 'My schedule', nav: { label: 'My schedule', order: 5, scope: 'global' } },
  },
  {
    path: 'schools/:schoolId/events',
    children: [
      {
        path: '',
        name: 'events',
        component: () => import('./pages/events-page.vue'),
        meta: {
          title: 'Events',
          nav: { label: 'Events', order: 25, scope: 'school', permission: 'events:read' },
        },
      },
      {
        path: 'new',
        name: 'create-event',
        component: () => import('./pages/create-event-page.vue'),
        meta: { title: 'New event' },
      },
      {
        path: ':eventId/edit',
        name: 'edit-event',
        component: () => import('./pages/create-event-page.vue'),
        meta: { title: 'Change the event' },
      },
      {
        path: ':eventId',
        name: 'event',
        component: () => import('./pages/event-page.vue'),
        meta: { title: 'Event' },
      },
    ],
  },
];
