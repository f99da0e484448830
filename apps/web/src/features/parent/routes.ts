import type { RouteRecordRaw } from 'vue-router';

/** The parent area: its own small route tree (mobile first; later: children, bookings, messages). */
export const parentRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'parent-home',
    component: () => import('./pages/parent-home-page.vue'),
    meta: { title: 'Home' },
  },
  {
    path: 'invitations',
    name: 'parent-invitations',
    component: () => import('./pages/parent-invitations-page.vue'),
    meta: { title: 'Invitations' },
  },
  {
    path: 'payments/return',
    name: 'parent-payment-return',
    component: () => import('./pages/parent-payment-return-page.vue'),
    meta: { title: 'Payment' },
  },
  {
    path: 'evenings/:eventId',
    name: 'parent-evening',
    component: () => import('./pages/parent-evening-page.vue'),
    meta: { title: 'Parents’ evening' },
  },
  {
    path: 'messages/:messageId',
    name: 'parent-message',
    component: () => import('./pages/parent-message-page.vue'),
    meta: { title: 'Message' },
  },
];
