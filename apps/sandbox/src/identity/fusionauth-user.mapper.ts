import type { Error as FusionAuthError, Errors, User, UserRegistration } from '@fusionauth/typescript-client';
import type { IdentityUser } from './user-directory';

/** Our in-memory user in FusionAuth's wire shapes (the fields FusionAuth itself returns for such a user). */
export function toFusionAuthUser(user: IdentityUser, applicationId: string): User {
  const fullName = [user.givenName, user.familyName].filter(Boolean).join(' ');
  return {
    active: true,
    id: user.id,
    email: user.email,
    ...(user.givenName === undefined ? {} : { firstName: user.givenName }),
    ...(user.familyName === undefined ? {} : { lastName: user.familyName }),
    ...(fullName === '' ? {} : { fullName }),
    ...(user.mobilePhone === undefined ? {} : { mobilePhone: user.mobilePhone }),
    ...(user.data === undefined ? {} : { data: { ...user.data } }),
    tenantId: user.tenantId,
    insertInstant: user.insertInstant,
    lastUpdateInstant: user.insertInstant,
    passwordChangeRequired: false,
    passwordLastUpdateInstant: user.insertInstant,
    usernameStatus: 'ACTIVE' as User['usernameStatus'],
    verified: true,
    twoFactor: { methods: [] },
    registrations: [toFusionAuthRegistration(user, applicationId)],
  };
}

export function toFusionAuthRegistration(user: IdentityUser, applicationId: string): UserRegistration {
  return {
    id: user.registrationId,
    applicationId,
    roles: [...user.roles],
    insertInstant: user.insertInstant,
    lastUpdateInstant: user.insertInstant,
    usernameStatus: 'ACTIVE' as UserRegistration['usernameStatus'],
    verified: true,
  };
}

/** FusionAuth's 400 body: `{ fieldErrors: { 'user.email': [{ code: '[duplicate]user.email', message }] } }`. */
export function fieldErrors(errors: Readonly<Record<string, FusionAuthError>>): Errors {
  return {
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, [error]])),
  };
}
