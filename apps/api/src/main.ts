import 'reflect-metadata';
import { ApiConfig, ConfigurationError, loadConfig } from '@rowan/adapters/config/config';
import { closeGracefullyOnSignals } from '@rowan/adapters/process/graceful-shutdown';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig(ApiConfig);
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  closeGracefullyOnSignals(
    () => app.close(),
    (message) => console.log(`Rowan API: ${message}`),
  );
  console.log(`Rowan API listening on http://${config.API_HOST}:${config.API_PORT} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
