import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Errors, RegistrationResponse, UserResponse } from '@fusionauth/typescript-client';
import { readJson, sendEmpty, sendJson } from '../../http/http-helpers';
import { fieldErrors, toFusionAuthRegistration, toFusionAuthUser } from '../fusionauth-user.mapper';
import type { UserDirectory } from '../user-directory';
import { parseRegistrationRequest } from './registration-request';

export interface UserApiDependencies {
  readonly apiKey: string;
  readonly tenantId: string;
  readonly applicationId: string;
  readonly users: UserDirectory;
}

/**
 * The subset of FusionAuth's user API that Rowan's adapter calls through `@fusionauth/typescript-client`:
 * `POST /api/user/registration[/{userId}]` (register), `GET /api/user?email=` (retrieveUserByEmail) and
 * `GET /api/user/{userId}` (retrieveUser) and `DELETE /api/user/{userId}?hardDelete=true` (deleteUser: 200, or 404
 * for an unknown id). The `Authorization` header must be the API key itself.
 */
export function createUserApiHandler(deps: UserApiDependencies) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.headers.authorization !== deps.apiKey) {
      return sendEmpty(res, 401);
    }
    const requestedTenant = req.headers['x-fusionauth-tenantid'];
    if (requestedTenant !== undefined && requestedTenant !== deps.tenantId) {
      // The stand-in knows one tenant; FusionAuth refuses a tenant id it does not know.
      return sendJson(
        res,
        400,
        fieldErrors({
          tenantId: {
            code: '[invalid]tenantId',
            message: `The tenant Id [${String(requestedTenant)}] is not valid.`,
          },
        }),
      );
    }

    const registration = /^\/api\/user\/registration(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (registration !== null && req.method === 'POST') {
      const userId = registration[1] === undefined ? undefined : decodeURIComponent(registration[1]);
      return register(res, userId, await readJson(req), deps);
    }
    const user = /^\/api\/user(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (user !== null && req.method === 'GET') {
      const found =
        user[1] !== undefined
          ? deps.users.findById(decodeURIComponent(user[1]))
          : deps.users.findByEmail(url.searchParams.get('email') ?? '');
      if (found === undefined) {
        return sendEmpty(res, 404);
      }
      const body: UserResponse = { user: toFusionAuthUser(found, deps.applicationId) };
      return sendJson(res, 200, body);
    }
    if (user !== null && user[1] !== undefined && req.method === 'DELETE') {
      return sendEmpty(res, deps.users.remove(decodeURIComponent(user[1])) ? 200 : 404);
    }
    sendEmpty(res, registration !== null || user !== null ? 405 : 404);
  };
}

function register(
  res: ServerResponse,
  pathUserId: string | undefined,
  body: unknown,
  deps: UserApiDependencies,
): void {
  const parsed = parseRegistrationRequest(body, pathUserId, deps.applicationId);
  if (parsed.status === 'invalid') {
    return sendJson(res, 400, parsed.errors);
  }
  if (parsed.status === 'registration-only') {
    const existing = deps.users.findById(parsed.userId);
    const errors: Errors = existing
      ? fieldErrors({
          'registration.applicationId': {
            code: '[duplicate]registration.applicationId',
            message: `The User is already registered for the Application with Id [${deps.applicationId}].`,
          },
        })
      : fieldErrors({
          userId: { code: '[invalid]userId', message: `No User exists with the Id [${parsed.userId}].` },
        });
    return sendJson(res, 400, errors);
  }
  const result = deps.users.add({ ...parsed.user, tenantId: deps.tenantId });
  switch (result.status) {
    case 'duplicate-email':
      return sendJson(
        res,
        400,
        fieldErrors({
          'user.email': {
            code: '[duplicate]user.email',
            message: `A User with email = [${parsed.user.email}] already exists.`,
          },
        }),
      );
    case 'duplicate-id':
      return sendJson(
        res,
        400,
        fieldErrors({
          userId: {
            code: '[duplicate]userId',
            message: `A User with Id [${parsed.user.id ?? ''}] already exists.`,
          },
        }),
      );
    case 'created': {
      const response: RegistrationResponse = {
        user: toFusionAuthUser(result.user, deps.applicationId),
        registration: toFusionAuthRegistration(result.user, deps.applicationId),
      };
      return sendJson(res, 200, response);
    }
  }
}
