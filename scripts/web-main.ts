import 'dotenv/config';
import path from 'node:path';
import { closeGracefullyOnSignals } from '@rowan/adapters/process/graceful-shutdown';
import { serveWeb } from './serve-web';

/** The demo's web host: the built SPA plus /config.json from the environment. */
async function main(): Promise<void> {
  const env = process.env;
  const web = await serveWeb({
    host: env.WEB_HOST ?? '127.0.0.1',
    port: Number(env.WEB_PORT ?? 5173),
    distDir: path.resolve(__dirname, '../../apps/web/dist'),
    config: {
      apiUrl: env.WEB_API_URL ?? 'http://127.0.0.1:3000',
      oidcIssuer: env.OIDC_ISSUER ?? 'http://127.0.0.1:4010',
      oidcClientId: env.OIDC_AUDIENCE ?? '3c219e58-ed0e-4b18-ad48-f4f92793ae32',
    },
  });
  closeGracefullyOnSignals(
    () => web.close(),
    (message) => console.log(`Rowan web: ${message}`),
  );
  console.log(`Rowan web app on ${web.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
