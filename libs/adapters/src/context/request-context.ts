import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and what a piece of work belongs to, for logs and audit records: an HTTP request or a job. */
export interface WorkContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

export const workContext = {
  run<T>(context: WorkContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): WorkContext | undefined {
    return storage.getStore();
  },
};
