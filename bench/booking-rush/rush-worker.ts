import { parentPort } from 'node:worker_threads';
import { rush, type RushRequest } from './http-rush';

/** The rush client's thread: runs one rush per message and posts its result back. */
parentPort?.on('message', (message: { id: number; base: string; clients: RushRequest[] }) => {
  rush(new URL(message.base), message.clients).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: String(error) }),
  );
});
