import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { VerifiedIdentity } from '@rowan/access';
import { ApiConfig } from '@rowan/adapters/config/config';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';

/** FusionAuth access-token claims we read (INTEGRATIONS.md). `amr` is added by Rowan's JWT-populate lambda. */
interface AccessTokenClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  roles?: string[];
  amr?: string[];
  mfa?: boolean;
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
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: config.OIDC_JWKS_URL ?? `${config.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
        cache: true,
        cacheMaxAge: 10 * 60_000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      }),
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
    };
  }
}
