import type { RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../../stores/session';

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./pages/sign-in-page.vue'),
    meta: { public: true, title: 'Sign in' },
    beforeEnter: () => {
      const session = useSessionStore();
      return session.isSignedIn ? { path: session.homePath } : true;
    },
  },
  {
    path: '/auth/callback',
    name: 'auth-callback',
    component: () => import('./pages/auth-callback-page.vue'),
    meta: { public: true, title: 'Signing you in' },
  },
];
