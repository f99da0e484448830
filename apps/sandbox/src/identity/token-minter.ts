import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { fusionAuthClaims } from './fusionauth-claims';
import type { SigningKey } from './signing-key';
import type { UserDirectory } from './user-directory';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Algorithms a test may ask for. Only RS256 is what the issuer really uses; the others make tokens a
 * correct verifier must refuse: RS384/RS512/PS256 (same key, wrong algorithm), HS256 keyed with the
 * public key's PEM (the classic RS/HS confusion attack) and `none` (unsigned).
 */
export type MintAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'HS256' | 'none';

export interface MintTokenOptions {
  /** Defaults to the user found by `email`, else a fresh UUID. */
  readonly userId?: string;
  /** Defaults to the user's email, else `<userId>@rowan.test`. */
  readonly email?: string;
  /** Application roles; defaults to the user's registration roles, else none. */
  readonly roles?: readonly string[];
  /** Include `amr: ['pwd', 'mfa']` (default); false gives `amr: ['pwd']`. */
  readonly mfa?: boolean;
  /** Default 900. Zero or negative mints an already expired token. */
  readonly expiresInSeconds?: number;
  /** `aud` and `applicationId`; defaults to the application id. */
  readonly audience?: string;
  /** `iss`; defaults to the stand-in's issuer. */
  readonly issuer?: string;
  readonly algorithm?: MintAlgorithm;
}

export type MintToken = (options?: MintTokenOptions) => Promise<string>;

export interface TokenMinterDependencies {
  readonly issuer: string;
  readonly applicationId: string;
  readonly tenantId: string;
  readonly scope: string;
  readonly key: SigningKey;
  readonly users: UserDirectory;
}

export function createTokenMinter(deps: TokenMinterDependencies): MintToken {
  return async (options = {}) => {
    const known = options.userId !== undefined ? deps.users.findById(options.userId) : undefined;
    const byEmail =
      known ?? (options.email !== undefined ? deps.users.findByEmail(options.email) : undefined);
    const userId = options.userId ?? byEmail?.id ?? randomUUID();
    const audience = options.audience ?? deps.applicationId;
    const expiresIn = options.expiresInSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
    const now = Math.floor(Date.now() / 1000);
    const exp = now + expiresIn;
    // An expired token looks like one issued a full lifetime before it ran out.
    const iat = expiresIn > 0 ? now : exp - ACCESS_TOKEN_TTL_SECONDS;
    const payload: JWTPayload = {
      ...fusionAuthClaims({
        applicationId: audience,
        tenantId: deps.tenantId,
        user: {
          email: options.email ?? byEmail?.email ?? `${userId}@rowan.test`,
          roles: options.roles ?? byEmail?.roles ?? [],
        },
        authenticationType: 'PASSWORD',
        authTime: iat,
        sid: randomUUID(),
        mfa: options.mfa ?? true,
        scope: deps.scope,
      }),
      sub: userId,
      aud: audience,
      iss: options.issuer ?? deps.issuer,
      iat,
      exp,
      jti: randomUUID(),
    };
    return sign(payload, options.algorithm ?? 'RS256', deps.key);
  };
}

async function sign(payload: JWTPayload, algorithm: MintAlgorithm, key: SigningKey): Promise<string> {
  if (algorithm === 'none') {
    return new UnsecuredJWT(payload).encode();
  }
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: algorithm, typ: 'JWT', kid: key.kid });
  if (algorithm === 'HS256') {
    return jwt.sign(Buffer.from(key.publicKey.export({ type: 'spki', format: 'pem' })));
  }
  return jwt.sign(key.privateKey);
}
