import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SignInSession, VerifiedIdentity } from '@rowan/access';
import { ApiConfig } from '@rowan/adapters/config/config';
import { passportJwtSecret } from 'jwks-rsa';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

type KeyProvider = (
  request: unknown,
  rawToken: string,
  done: (error: unknown, key?: string | Buffer) => void,
) => void;

/**
 * jwks-rsa hands over each signing key as PEM text, which jsonwebtoken would parse again for every token; the
 * parsed key objects are kept instead (one per key the issuer publishes, so the map stays tiny).
 */
function asKeyObjects(provider: KeyProvider): KeyProvider {
  const parsed = new Map<string, KeyObject>();
  return (request, rawToken, done) =>
    provider(request, rawToken, (error, pem) => {
      if (error || typeof pem !== 'string') {
        done(error, pem);
        return;
      }
      let key = parsed.get(pem);
      if (!key) {
        key = createPublicKey(pem);
        parsed.set(pem, key);
      }
      // passport-jwt's types predate KeyObject; jsonwebtoken 9, which it calls, takes one.
      done(null, key as unknown as string);
    });
}

/** FusionAuth access-token claims we read (INTEGRATIONS.md). `amr` is added by Rowan's JWT-populate lambda. */
interface AccessTokenClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  roles?: string[];
  amr?: string[];
  mfa?: boolean;
  /** The identity provider's sign-in session, kept across refreshed tokens. */
  sid?: string;
  /** When the person authenticated (seconds). */
  auth_time?: number;
  exp?: number;
}

/** The sign-in session a token belongs to: its `sid`, else its `auth_time`; none if it names neither. */
function sessionOf(claims: AccessTokenClaims): SignInSession | undefined {
  const signedInAt = typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000) : null;
  const key =
    typeof claims.sid === 'string' && claims.sid !== ''
      ? `sid:${claims.sid}`
      : signedInAt
        ? `auth_time:${claims.auth_time}`
        : null;
  if (!key || typeof claims.exp !== 'number') {
    return undefined;
  }
  return { key, signedInAt, expiresAt: new Date(claims.exp * 1000) };
}

/**
 * Accepts only RS256 tokens signed by a key in the issuer's JWKS, for our audience, not expired.
 * The same path verifies FusionAuth in production and the sandbox issuer in tests.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: asKeyObjects(
        passportJwtSecret({
          jwksUri: config.OIDC_JWKS_URL ?? `${config.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
          cache: true,
          cacheMaxAge: 10 * 60_000,
          rateLimit: true,
          jwksRequestsPerMinute: 10,
        }),
      ),
      issuer: config.OIDC_ISSUER,
      audience: config.OIDC_AUDIENCE,
      algorithms: ['RS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): VerifiedIdentity {
    return {
      subject: claims.sub,
      email: claims.email ?? null,
      emailVerified: claims.email_verified === true,
      mfa: claims.mfa === true || (claims.amr ?? []).includes('mfa'),
      operator: (claims.roles ?? []).includes('operator'),
      session: sessionOf(claims),
    };
  }
}
