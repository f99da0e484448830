export {
  startIdentityStandIn,
  type IdentityStandIn,
  type IdentityStandInOptions,
} from './identity/identity-stand-in';
export type { MintAlgorithm, MintToken, MintTokenOptions } from './identity/token-minter';
export { DEMO_MFA_CODE, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './identity/demo-users';
/** For tests that want a token from the real sign-in flow rather than a minted one. */
export { signInOverHttp, type HttpSignInInput, type TokenResponse } from './identity/testing/http-sign-in';
export { startWondeStandIn, type WondeStandIn, type WondeStandInOptions } from './wonde/wonde-stand-in';
export type { StandInSchool } from './wonde/wonde-school';
export type { ChangeOptions, SchoolControl, SchoolSummary } from './wonde/school-control';
export type { ChangeKind } from './wonde/record-changes';
export type { ChangedIds } from './wonde/changed-ids';
export { generateSchool, type GenerateSchoolOptions } from './wonde/school.generator';
export type { SchoolData } from './wonde/school-records';
export { DEMO_WONDE_SCHOOLS, DEMO_WONDE_TOKEN, demoWondeSchools } from './wonde/demo-wonde-schools';
export {
  startTwilioStandIn,
  SANDBOX_TWILIO,
  type RecordedSms,
  type TwilioControl,
  type TwilioStandIn,
  type TwilioStandInOptions,
} from './twilio/twilio-stand-in';
export { twilioSegments } from './twilio/twilio-segments';
export {
  startSesStandIn,
  type RecordedEmail,
  type SesControl,
  type SesEventsTarget,
  type SesStandIn,
  type SesStandInOptions,
} from './ses/ses-stand-in';
export {
  startStripeStandIn,
  SANDBOX_STRIPE,
  type StripeStandIn,
  type StripeStandInOptions,
} from './stripe/stripe-stand-in';
export type { RecordedStripeObject, StripeControl } from './stripe/stripe-control';
export type { PlantedMismatch } from './stripe/stripe-payments';
export type { RecordedEvent, ReplayOptions, WebhookDelivery } from './stripe/stripe-webhooks';
