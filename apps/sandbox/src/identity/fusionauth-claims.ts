/**
 * The claims FusionAuth puts in an access token beyond the registered ones (`sub`, `aud`, `iss`, `exp`,
 * `iat`, `jti`), see shared/INTEGRATIONS.md. `amr` is not FusionAuth's own: production adds it with a
 * JWT-populate lambda, and the stand-in mints it the same way (`['pwd', 'mfa']` after the code step).
 */
export interface FusionAuthTokenClaims {
  readonly applicationId: string;
  readonly roles: readonly string[];
  readonly tid: string;
  readonly authenticationType: FusionAuthAuthenticationType;
  readonly auth_time: number;
  readonly sid: string;
  readonly email: string;
  readonly email_verified: true;
  readonly amr: readonly string[];
  readonly scope?: string;
}

export type FusionAuthAuthenticationType = 'PASSWORD' | 'REFRESH_TOKEN';

export const AMR_PASSWORD = 'pwd';
export const AMR_MFA = 'mfa';

export interface FusionAuthClaimsInput {
  readonly applicationId: string;
  readonly tenantId: string;
  readonly user: { readonly email: string; readonly roles: readonly string[] };
  readonly authenticationType: FusionAuthAuthenticationType;
  readonly authTime: number;
  readonly sid: string;
  readonly mfa: boolean;
  readonly scope?: string;
}

export function fusionAuthClaims(input: FusionAuthClaimsInput): FusionAuthTokenClaims {
  return {
    applicationId: input.applicationId,
    roles: [...input.user.roles],
    tid: input.tenantId,
    authenticationType: input.authenticationType,
    auth_time: input.authTime,
    sid: input.sid,
    email: input.user.email,
    email_verified: true,
    amr: input.mfa ? [AMR_PASSWORD, AMR_MFA] : [AMR_PASSWORD],
    ...(input.scope === undefined ? {} : { scope: input.scope }),
  };
}
