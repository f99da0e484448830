import type { Error as FusionAuthError, Errors } from '@fusionauth/typescript-client';
import { fieldErrors } from '../fusionauth-user.mapper';
import type { NewIdentityUser } from '../user-directory';

export type ParsedRegistration =
  | { readonly status: 'invalid'; readonly errors: Errors }
  /** Only a registration: FusionAuth registers an existing user to one more application. */
  | { readonly status: 'registration-only'; readonly userId: string }
  | { readonly status: 'full'; readonly user: Omit<NewIdentityUser, 'tenantId'> };

/**
 * Reads a FusionAuth `RegistrationRequest` body, validating what FusionAuth validates for a full
 * registration: an email, a password unless `sendSetPasswordEmail` is set, and the application id.
 * (Passwords are not kept: every stand-in user signs in with DEMO_PASSWORD.)
 */
export function parseRegistrationRequest(
  body: unknown,
  pathUserId: string | undefined,
  applicationId: string,
): ParsedRegistration {
  const request = asRecord(body);
  const user = request.user === undefined ? undefined : asRecord(request.user);
  const registration = asRecord(request.registration);
  const errors: Record<string, FusionAuthError> = {};

  const registeredApplication = registration.applicationId;
  if (typeof registeredApplication !== 'string' || registeredApplication === '') {
    errors['registration.applicationId'] = {
      code: '[blank]registration.applicationId',
      message: 'You must specify the [registration.applicationId] property.',
    };
  } else if (registeredApplication !== applicationId) {
    errors['registration.applicationId'] = {
      code: '[invalid]registration.applicationId',
      message: `The Application with Id [${registeredApplication}] does not exist.`,
    };
  }

  const userId = pathUserId ?? optionalString(user?.id);
  if (user === undefined) {
    if (userId === undefined) {
      errors.userId = {
        code: '[blank]userId',
        message: 'You must specify the User Id on the URI or the [user] property.',
      };
    }
    return Object.keys(errors).length > 0 || userId === undefined
      ? { status: 'invalid', errors: fieldErrors(errors) }
      : { status: 'registration-only', userId };
  }

  const email = optionalString(user.email)?.trim();
  if (email === undefined || email === '') {
    errors['user.email'] = {
      code: '[blank]user.email',
      message: 'You must specify either the [user.email] or [user.username] property.',
    };
  }
  if (optionalString(user.password) === undefined && request.sendSetPasswordEmail !== true) {
    errors['user.password'] = {
      code: '[blank]user.password',
      message: 'You must specify the [user.password] property.',
    };
  }
  const roles = Array.isArray(registration.roles)
    ? registration.roles.filter((role) => typeof role === 'string')
    : [];
  if (Object.keys(errors).length > 0 || email === undefined) {
    return { status: 'invalid', errors: fieldErrors(errors) };
  }

  const givenName = optionalString(user.firstName);
  const familyName = optionalString(user.lastName);
  const mobilePhone = optionalString(user.mobilePhone);
  const data = user.data === undefined ? undefined : asRecord(user.data);
  return {
    status: 'full',
    user: {
      email,
      roles,
      ...(userId === undefined ? {} : { id: userId }),
      ...(givenName === undefined ? {} : { givenName }),
      ...(familyName === undefined ? {} : { familyName }),
      ...(mobilePhone === undefined ? {} : { mobilePhone }),
      ...(data === undefined ? {} : { data }),
    },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
