import 'reflect-metadata';
import { ConfigurationError, loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { closeGracefullyOnSignals } from '@rowan/adapters/process/graceful-shutdown';
import { createWorker } from './create-worker';

createWorker(loadConfig(WorkerConfig)).then(
  (app) => {
    closeGracefullyOnSignals(
      () => app.close(),
      (message) => console.log(`Rowan worker: ${message}`),
    );
    console.log('Rowan worker running: queues access; schedules on');
  },
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  },
);
