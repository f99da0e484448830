import type { RouteRecordRaw } from 'vue-router';

/** Parents' evenings in the staff app: setup, the slot grid and each teacher's appointments. */
export const parentsEveningsRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/parents-evenings',
    children: [
      {
        path: 'new',
        name: 'create-parents-evening',
        component: () => import('./pages/create-parents-evening-page.vue'),
        meta: { title: 'New parents’ evening' },
      },
      {
        path: ':eventId',
        name: 'parents-evening',
        component: () => import('./pages/parents-evening-page.vue'),
        meta: { title: 'Parents’ evening' },
      },
    ],
  },
];
