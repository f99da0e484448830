import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { applyCors, sendJson } from '../../http/http-helpers';
import type { SigningKey } from '../signing-key';
import type { UserDirectory } from '../user-directory';

export interface UserinfoDependencies {
  readonly issuer: string;
  readonly applicationId: string;
  readonly webOrigin: string;
  readonly key: SigningKey;
  readonly users: UserDirectory;
}

/**
 * `/oauth2/userinfo` as FusionAuth answers it: it accepts the application's access token. oidc-provider's
 * own userinfo refuses any access token that has an audience ("token audience prevents accessing the
 * userinfo endpoint"), and ours always have one, so this route is answered here, ahead of the provider.
 */
export function createUserinfoHandler(deps: UserinfoDependencies) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (applyCors(req, res, deps.webOrigin)) {
      return;
    }
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined) {
      return refuse(res, 'invalid_request', 'no access token provided');
    }
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, deps.key.publicKey, {
        issuer: deps.issuer,
        audience: deps.applicationId,
        algorithms: ['RS256'],
      });
      subject = payload.sub;
    } catch {
      return refuse(res, 'invalid_token', 'the access token is invalid or expired');
    }
    const user = subject === undefined ? undefined : deps.users.findById(subject);
    if (user === undefined) {
      return refuse(res, 'invalid_token', 'the user no longer exists');
    }
    const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
    sendJson(res, 200, {
      sub: user.id,
      applicationId: deps.applicationId,
      tid: user.tenantId,
      email: user.email,
      email_verified: true,
      ...(user.givenName === undefined ? {} : { given_name: user.givenName }),
      ...(user.familyName === undefined ? {} : { family_name: user.familyName }),
      ...(name === '' ? {} : { name }),
      roles: [...user.roles],
    });
  };
}

function refuse(res: ServerResponse, error: string, description: string): void {
  res.setHeader('www-authenticate', `Bearer error="${error}", error_description="${description}"`);
  sendJson(res, 401, { error, error_description: description });
}
