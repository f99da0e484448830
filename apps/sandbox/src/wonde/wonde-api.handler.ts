import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WondeCounts, WondeError } from '@rowan/adapters/wonde/wonde-wire.types';
import { parseIncludes } from './include-tree';
import { pageBody, pageRequest, sendJsonText } from './wonde-paging';
import { parseUpdatedAfter } from './wonde-dates';
import type { Collection, ListFilter, WondeSchool } from './wonde-school';

export interface WondeApiOptions {
  readonly schools: ReadonlyMap<string, WondeSchool>;
  readonly pageSizeMax: number;
}

const SCHOOL_PATH = /^\/v1\.0\/schools\/([^/]+)(?:\/([a-z-]+)(?:\/([^/]+))?)?\/?$/;
/** `student-leavers` is how Rowan's notes spell it; Wonde's own clients call `students-leaver`. */
const COLLECTIONS: Record<string, Collection> = {
  students: 'students',
  'students-leaver': 'students-leaver',
  'student-leavers': 'students-leaver',
  contacts: 'contacts',
  employees: 'employees',
  groups: 'groups',
  classes: 'classes',
};
const DATA_OPEN = Buffer.from('{"data":');
const CLOSE = Buffer.from('}');
const COUNTABLE = ['students', 'contacts', 'employees', 'groups', 'classes'] as const;

/** `GET /v1.0/schools/{id}[/{endpoint}[/{recordId}]]`: Wonde's read API for the stand-in's schools. */
export function createWondeApiHandler(options: WondeApiOptions) {
  return (req: IncomingMessage, res: ServerResponse, url: URL, origin: string): void => {
    const match = SCHOOL_PATH.exec(url.pathname);
    const school = match ? options.schools.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!match || !school) {
      return error(res, 404, 'not_found', match ? 'Unknown school' : 'Unknown endpoint');
    }
    if (!authorised(req.headers.authorization, school.config.token)) {
      return error(res, 401, 'invalid_token', 'The access token is missing or is not valid for this school', {
        'www-authenticate': 'Bearer realm="wonde"',
      });
    }
    if (req.method !== 'GET') {
      return error(res, 405, 'method_not_allowed', 'Only GET is supported here', { allow: 'GET' });
    }
    const [, , endpoint, recordId] = match;
    const filter = listFilter(url);
    if (typeof filter === 'string') {
      return error(res, 422, 'validation_failed', filter);
    }
    if (endpoint === undefined) {
      return sendJsonText(res, 200, JSON.stringify({ data: schoolInfo(school) }));
    }
    if (endpoint === 'counts') {
      return sendJsonText(res, 200, JSON.stringify(counts(school, url)));
    }
    if (endpoint === 'deletions') {
      const type = url.searchParams.get('type');
      const rows = school.data.deletions.filter((row) => {
        const at = row.restoredAt ?? row.deletedAt;
        return (
          (!type || row.type === type) &&
          at > (filter.updatedAfter ?? -Infinity) &&
          at <= (filter.updatedBefore ?? Infinity)
        );
      });
      const render = (row: (typeof rows)[number]) => [
        Buffer.from(JSON.stringify(school.serializer.deletion(row))),
      ];
      return sendJsonText(
        res,
        200,
        pageBody(url, origin, pageRequest(url, options.pageSizeMax), rows, render),
      );
    }
    const collection = COLLECTIONS[endpoint];
    if (!collection) {
      return error(res, 404, 'not_found', `Unknown endpoint '${endpoint}'`);
    }
    const includes = parseIncludes(url.searchParams.get('include'));
    if (recordId !== undefined) {
      const record = school.find(collection, decodeURIComponent(recordId));
      return record
        ? sendJsonText(
            res,
            200,
            Buffer.concat([DATA_OPEN, ...school.render(collection, record, includes), CLOSE]),
          )
        : error(res, 404, 'not_found', `No ${endpoint} record '${recordId}'`);
    }
    const body = school.response(`${origin}${url.pathname}${url.search}`, () => {
      const records = school.list(collection, filter);
      const render = (record: (typeof records)[number]) => school.render(collection, record, includes);
      return pageBody(url, origin, pageRequest(url, options.pageSizeMax), records, render);
    });
    sendJsonText(res, 200, body);
  };
}

/** Bearer, or Basic with the token as the user name and no password (both documented by Wonde). */
function authorised(header: string | undefined, token: string): boolean {
  const [scheme = '', value = ''] = (header ?? '').split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') {
    return value === token;
  }
  if (scheme.toLowerCase() === 'basic') {
    return Buffer.from(value, 'base64').toString('utf8') === `${token}:`;
  }
  return false;
}

function listFilter(url: URL): ListFilter | string {
  const filter: { updatedAfter?: number; updatedBefore?: number } = {};
  for (const [param, key] of [
    ['updated_after', 'updatedAfter'],
    ['updated_before', 'updatedBefore'],
  ] as const) {
    const value = url.searchParams.get(param);
    if (value !== null) {
      const parsed = parseUpdatedAfter(value);
      if (parsed === null) {
        return `${param} must be a date and time like 2025-09-01 13:45:00`;
      }
      filter[key] = parsed;
    }
  }
  return filter;
}

function counts(school: WondeSchool, url: URL): WondeCounts {
  const asked = (url.searchParams.get('include') ?? '').split(',').map((part) => part.trim());
  const wanted = COUNTABLE.filter((name) => asked.includes(name));
  const data: Record<string, { data: { count: number } }> = {};
  for (const name of wanted.length > 0 ? wanted : COUNTABLE) {
    data[name] = { data: { count: school.list(name).length } };
  }
  return { data };
}

function schoolInfo(school: WondeSchool) {
  const { config, data } = school;
  return {
    id: config.id,
    name: config.name ?? `${config.seed} School`,
    phase_of_education: data.phase === 'primary' ? 'PRIMARY' : 'SECONDARY',
    timezone: 'Europe/London',
    mis: 'SIMS',
    region: { code: 'GBR', domain: 'api.wonde.com' },
  };
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  const body: WondeError = { error: code, error_description: description };
  sendJsonText(res, status, JSON.stringify(body), headers);
}
