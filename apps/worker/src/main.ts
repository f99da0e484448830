import 'reflect-metadata';
import { ConfigurationError, loadConfig, WorkerConfig } from '@rowan/adapters/config/config';
import { createWorker } from './create-worker';

createWorker(loadConfig(WorkerConfig)).then(
  () => console.log('Rowan worker running: queues access; schedules on'),
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  },
);
