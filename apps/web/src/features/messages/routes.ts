import type { RouteRecordRaw } from 'vue-router';

export const messagesRoutes: RouteRecordRaw[] = [
  {
    path: 'schools/:schoolId/messages',
    children: [
      {
        path: '',
        name: 'messages',
        component: () => import('./pages/messages-page.vue'),
        meta: {
          title: 'Messages',
          nav: { label: 'Messages', order: 20, scope: 'school', permission: 'messages:read' },
        },
      },
      {
        path: 'new',
        name: 'compose-message',
        component: () => import('./pages/compose-message-page.vue'),
        meta: { title: 'New message' },
      },
      {
        path: 'settings',
        name: 'messaging-settings',
        component: () => import('./pages/messaging-settings-page.vue'),
        meta: { title: 'Messaging settings' },
      },
      {
        path: ':messageId/edit',
        name: 'edit-message',
        component: () => import('./pages/compose-message-page.vue'),
        meta: { title: 'Edit message' },
      },
      {
        path: ':messageId',
        name: 'message',
        component: () => import('./pages/message-page.vue'),
        meta: { title: 'Message' },
      },
    ],
  },
];
