export {
  startIdentityStandIn,
  type IdentityStandIn,
  type IdentityStandInOptions,
} from './identity/identity-stand-in';
export type { MintAlgorithm, MintToken, MintTokenOptions } from './identity/token-minter';
export { DEMO_MFA_CODE, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './identity/demo-users';
/** For tests that want a token from the real sign-in flow rather than a minted one. */
export { signInOverHttp, type HttpSignInInput, type TokenResponse } from './identity/testing/http-sign-in';
