// JWT populate lambda for the Rowan application (kickstart.json includes this file as the lambda body).
//
// Why: FusionAuth puts no MFA claim in its access tokens (shared/INTEGRATIONS.md), and the Rowan API
// requires proof of MFA for staff roles. This adds the OIDC `amr` claim the API checks and the sandbox
// identity stand-in mints: ['pwd', 'mfa'] after a second factor, ['pwd'] otherwise.
//
// How it decides (read this before trusting it): FusionAuth does not tell a JWT populate lambda whether
// *this* sign-in completed a second factor (the lambda gets jwt, user, registration and, since 1.59, a
// context that documents only secrets). So the lambda infers it from three facts:
//   1. the application's multiFactorConfiguration.loginPolicy is "Required" (set in kickstart.json), so
//      FusionAuth issues no token for this application before the second factor is satisfied;
//   2. the user has at least one MFA method enrolled (user.twoFactor.methods);
//   3. the token comes from an interactive sign-in, or a refresh of one (authenticationType).
// Caveats: a device the user chose to trust skips the MFA prompt for the trust period (tenant
// twoFactorTrustIdTimeToLiveInSeconds) and still gets 'mfa' here; that is FusionAuth's own definition of
// "MFA satisfied". If the application's MFA policy is ever relaxed, this lambda must change with it.
// Check the authenticationType list against the FusionAuth version in use.
function populate(jwt, user, registration, context) {
  var interactive = ['PASSWORD', 'PASSWORDLESS', 'WEB_AUTHN', 'REFRESH_TOKEN', 'ONE_TIME_PASSWORD'];
  var enrolled = !!(user && user.twoFactor && user.twoFactor.methods && user.twoFactor.methods.length > 0);
  var mfa = enrolled && interactive.indexOf(jwt.authenticationType) !== -1;
  jwt.amr = mfa ? ['pwd', 'mfa'] : ['pwd'];
}
