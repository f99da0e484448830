import { randomUUID } from 'node:crypto';
import { FusionAuthClient, type Errors } from '@fusionauth/typescript-client';
import { DEMO_USERS } from './demo-users';
import { startIdentityStandIn, type IdentityStandIn } from './identity-stand-in';
import { signInOverHttp } from './testing/http-sign-in';

const applicationId = '3c219e58-ed0e-4b18-ad48-f4f92793ae32';
const tenantId = '8a6f5c1e-2b4d-4e7f-9a0b-1c2d3e4f5a6b';
const webOrigin = 'http://127.0.0.1:5173';
const apiKey = 'test-api-key';

/** The client rejects with its ClientResponse: the status and the parsed error body. */
interface FailedResponse {
  readonly statusCode: number;
  readonly exception: Errors;
}

async function failure(promise: Promise<unknown>): Promise<FailedResponse> {
  try {
    await promise;
  } catch (error) {
    return error as FailedResponse;
  }
  throw new Error('expected the request to fail');
}

describe('identity stand-in: FusionAuth user API through @fusionauth/typescript-client', () => {
  let idp: IdentityStandIn;
  let client: FusionAuthClient;

  beforeAll(async () => {
    idp = await startIdentityStandIn({ applicationId, tenantId, webOrigin, apiKey });
    client = new FusionAuthClient(apiKey, idp.issuer, tenantId);
  });
  afterAll(() => idp.close());

  const parent = () => ({
    email: `parent-${randomUUID()}@example.test`,
    firstName: 'Jo',
    lastName: 'Bloggs',
    password: 'a-long-enough-password',
  });

  it('creates a user with a registration, then retrieves it by email and by id', async () => {
    const user = parent();
    const created = await client.register('', {
      user,
      registration: { applicationId, roles: ['parent'] },
      skipVerification: true,
    });
    expect(created.statusCode).toBe(200);
    const id = created.response.user?.id ?? '';
    expect(created.response.registration).toMatchObject({ applicationId, roles: ['parent'] });
    expect(created.response.user).toMatchObject({
      email: user.email,
      firstName: 'Jo',
      lastName: 'Bloggs',
      tenantId,
      active: true,
    });

    const byEmail = await client.retrieveUserByEmail(user.email.toUpperCase());
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.response.user).toMatchObject({
      id,
      email: user.email,
      registrations: [{ applicationId, roles: ['parent'] }],
    });
    expect((await client.retrieveUser(id)).response.user?.email).toBe(user.email);
  });

  it('uses the user id given on the URI, and lets the new user sign in with the demo password and code', async () => {
    const userId = randomUUID();
    const user = parent();
    await client.register(userId, { user, registration: { applicationId, roles: ['parent'] } });
    const tokens = await signInOverHttp({ issuer: idp.issuer, applicationId, webOrigin, email: user.email });
    const claims = JSON.parse(
      Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: userId, roles: ['parent'], amr: ['pwd', 'mfa'] });
  });

  it('deletes a user for good (hard delete), after which the id and email are unknown and the email free again', async () => {
    const user = parent();
    const created = await client.register('', { user, registration: { applicationId } });
    const id = created.response.user?.id ?? '';
    expect((await client.deleteUser(id)).statusCode).toBe(200);
    expect((await failure(client.retrieveUser(id))).statusCode).toBe(404);
    expect((await failure(client.retrieveUserByEmail(user.email))).statusCode).toBe(404);
    expect((await failure(client.deleteUser(id))).statusCode).toBe(404);
    expect((await client.register('', { user, registration: { applicationId } })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown email or id', async () => {
    expect((await failure(client.retrieveUserByEmail('nobody@example.test'))).statusCode).toBe(404);
    expect((await failure(client.retrieveUser(randomUUID()))).statusCode).toBe(404);
  });

  it('refuses a duplicate email with FusionAuth field errors', async () => {
    const response = await failure(
      client.register('', {
        user: { email: DEMO_USERS.oakfieldOffice.email, password: 'x-password' },
        registration: { applicationId },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.exception.fieldErrors?.['user.email']?.[0]?.code).toBe('[duplicate]user.email');
  });

  it('refuses a missing password unless a set-password email is requested', async () => {
    const user = { email: `parent-${randomUUID()}@example.test` };
    const missing = await failure(client.register('', { user, registration: { applicationId } }));
    expect(missing.exception.fieldErrors?.['user.password']?.[0]?.code).toBe('[blank]user.password');
    const created = await client.register('', {
      user,
      registration: { applicationId },
      sendSetPasswordEmail: true,
    });
    expect(created.statusCode).toBe(200);
  });

  it('refuses a wrong API key with 401 and an unknown tenant with 400', async () => {
    const wrongKey = new FusionAuthClient('not-the-key', idp.issuer, tenantId);
    expect((await failure(wrongKey.retrieveUserByEmail(DEMO_USERS.operator.email))).statusCode).toBe(401);
    expect(
      (await failure(wrongKey.register('', { user: parent(), registration: { applicationId } }))).statusCode,
    ).toBe(401);
    const otherTenant = new FusionAuthClient(apiKey, idp.issuer, randomUUID());
    expect((await failure(otherTenant.retrieveUserByEmail(DEMO_USERS.operator.email))).statusCode).toBe(400);
  });
});
