import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createApiClient } from './api/client';
import App from './app.vue';
import { configureAuth, getAccessToken } from './auth/user-manager';
import { loadConfig, type AppConfig } from './config';
import { preloadOpeningPage, router } from './router';
import { useSessionStore } from './stores/session';
import './ui/styles/base.css';

async function boot(): Promise<void> {
  preloadOpeningPage();
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    showBootError();
    console.error(error);
    return;
  }

  configureAuth(config);
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  createApiClient({
    baseUrl: config.apiUrl,
    getAccessToken,
    onUnauthorised: () => {
      void session.expire().then(() => {
        if (!router.currentRoute.value.meta.public) {
          return router.replace({ name: 'sign-in', query: { reason: 'expired' } });
        }
        return undefined;
      });
    },
  });
  await session.restore();
  await yieldToBrowser();

  const app = createApp(App);
  app.use(pinia);
  app.use(router);
  await router.isReady();
  await yieldToBrowser();
  app.mount('#app');
}

/**
 * Ends the current task and carries on in a new one, so that restoring the session, the first navigation and
 * the first render are three short tasks instead of one long one (a slow phone takes taps and paints between
 * them). `scheduler.yield()` where the browser has it, else a zero timeout.
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function showBootError(): void {
  const root = document.getElementById('app');
  if (root) {
    root.innerHTML =
      '<p class="boot-message" role="alert">Rowan could not start. Reload the page; if it still does not load, contact your school office.</p>';
  }
}

void boot();
