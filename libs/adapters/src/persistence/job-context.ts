import type { MikroORM } from '@mikro-orm/core';
import { RequestContext } from '@mikro-orm/core';
import { workContext } from '../context/request-context';

/**
 * Runs one job in its own forked EntityManager (never the global one) and its own work context, so audit
 * records and logs carry the job id. The tenant filter is unset: jobs that read school data scope themselves.
 */
export function inJobContext<T>(orm: MikroORM, jobId: string, work: () => Promise<T>): Promise<T> {
  return workContext.run({ requestId: `job-${jobId}` }, () => RequestContext.create(orm.em, work));
}
