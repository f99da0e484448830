import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from '../http/http-helpers';
import { CHANGE_KINDS, type ChangeKind } from './record-changes';
import type { ChangeOptions, SchoolControl } from './school-control';
import { SchoolControlError } from './school-control.errors';

export interface RateLimitSetting {
  every: number | null;
}

/**
 * `/sandbox/wonde/…` (not Wonde routes): the `SchoolControl` of each school over HTTP, for processes that
 * cannot hold the object (the demo, the benchmark). JSON in, `ChangedIds` (or a summary) out.
 *
 *   GET  /sandbox/wonde/schools                         summaries
 *   GET  /sandbox/wonde/schools/{id}                    summary
 *   GET  /sandbox/wonde/schools/{id}/ids?of=students    ids (students, leavers, contacts, employees)
 *   POST /sandbox/wonde/schools/{id}/change             { count?, ids?, kind? }
 *   POST /sandbox/wonde/schools/{id}/remove-pupil       { id? }
 *   POST /sandbox/wonde/schools/{id}/make-leaver        { id?, leavingDate? }
 *   POST /sandbox/wonde/schools/{id}/add-pupil          { ncYear? }
 *   GET  /sandbox/wonde/schools/{id}/changes            everything changed so far
 *   POST /sandbox/wonde/schools/{id}/changes/clear
 *   POST /sandbox/wonde/rate-limit                      { every: number | null }
 */
export function createWondeControlHandler(
  controls: ReadonlyMap<string, SchoolControl>,
  rateLimit: RateLimitSetting,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/sandbox/wonde/rate-limit' && req.method === 'POST') {
      const { every } = (await readJson(req)) as { every?: unknown };
      if (every !== null && !(typeof every === 'number' && Number.isInteger(every) && every >= 1)) {
        return sendJson(res, 400, { error: 'every must be a positive integer or null' });
      }
      rateLimit.every = every;
      return sendJson(res, 200, { every });
    }
    if (path === '/sandbox/wonde/schools' && req.method === 'GET') {
      return sendJson(res, 200, { data: [...controls.values()].map((control) => control.summary()) });
    }
    const match = /^\/sandbox\/wonde\/schools\/([^/]+)(?:\/(.+))?$/.exec(path);
    const control = match ? controls.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!match || !control) {
      return sendJson(res, 404, { error: 'unknown school or route' });
    }
    const action = `${req.method} ${match[2] ?? ''}`;
    try {
      const result = await perform(control, action, req, url);
      return result === undefined
        ? sendJson(res, 404, { error: `no route ${action}` })
        : sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof SchoolControlError) {
        return sendJson(res, 400, { error: error.message });
      }
      throw error;
    }
  };
}

async function perform(
  control: SchoolControl,
  action: string,
  req: IncomingMessage,
  url: URL,
): Promise<unknown> {
  switch (action) {
    case 'GET ':
      return control.summary();
    case 'GET ids': {
      const of = url.searchParams.get('of') ?? 'students';
      if (of !== 'students' && of !== 'leavers' && of !== 'contacts' && of !== 'employees') {
        throw new SchoolControlError('of must be students, leavers, contacts or employees');
      }
      return { data: control.ids(of) };
    }
    case 'GET changes':
      return control.changes();
    case 'POST changes/clear':
      control.clearChanges();
      return control.changes();
    case 'POST change':
      return control.change(changeOptions(await body(req)));
    case 'POST remove-pupil':
      return control.removePupil(optionalString(await body(req), 'id'));
    case 'POST make-leaver': {
      const input = await body(req);
      return control.makeLeaver({
        id: optionalString(input, 'id'),
        leavingDate: optionalString(input, 'leavingDate'),
      });
    }
    case 'POST add-pupil':
      return control.addPupil({ ncYear: optionalString(await body(req), 'ncYear') });
    default:
      return undefined;
  }
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parsed = await readJson(req);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SchoolControlError('the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  if (value !== undefined && typeof value !== 'string') {
    throw new SchoolControlError(`${field} must be a string`);
  }
  return value;
}

function changeOptions(input: Record<string, unknown>): ChangeOptions {
  const { count, ids, kind } = input;
  if (count !== undefined && !(typeof count === 'number' && Number.isInteger(count) && count >= 1)) {
    throw new SchoolControlError('count must be a positive integer');
  }
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
    throw new SchoolControlError('ids must be an array of strings');
  }
  if (kind !== undefined && !CHANGE_KINDS.includes(kind as ChangeKind)) {
    throw new SchoolControlError(`kind must be one of ${CHANGE_KINDS.join(', ')}`);
  }
  return {
    count: count as number | undefined,
    ids: ids as string[] | undefined,
    kind: kind as ChangeKind | undefined,
  };
}
