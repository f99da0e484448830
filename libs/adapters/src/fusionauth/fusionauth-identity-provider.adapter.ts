import FusionAuthClient from '@fusionauth/typescript-client';
import { IdentityProvider, type IdentityRequest } from '@rowan/access';
import { DomainError } from '@rowan/kernel';

export class IdentityProviderUnavailable extends DomainError {
  readonly code = 'ACCESS.IDENTITY_PROVIDER_UNAVAILABLE';
  readonly kind = 'unavailable';
}

export interface FusionAuthSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly applicationId: string;
  readonly tenantId?: string;
}

/**
 * Creates people's accounts in FusionAuth with the official client. FusionAuth emails them a link to set a
 * password; MFA is enforced by the application's policy there. Built by AccessModule from configuration.
 */
export class FusionAuthIdentityProvider extends IdentityProvider {
  private readonly client: FusionAuthClient;

  constructor(private readonly settings: FusionAuthSettings) {
    super();
    this.client = new FusionAuthClient(settings.apiKey, settings.baseUrl, settings.tenantId);
  }

  async ensureUser(request: IdentityRequest): Promise<{ subject: string }> {
    const existing = await this.findByEmail(request.email);
    if (existing) {
      return { subject: existing };
    }
    try {
      const response = await this.client.register(undefined as unknown as string, {
        user: { email: request.email, firstName: request.givenName, lastName: request.familyName },
        registration: { applicationId: this.settings.applicationId },
        sendSetPasswordEmail: true,
        skipVerification: true,
      });
      const id = response.response.user?.id;
      if (!id) {
        throw new IdentityProviderUnavailable('FusionAuth registered the user but returned no id');
      }
      return { subject: id };
    } catch (error) {
      // Someone else created the same person between our lookup and our registration.
      const raced = statusOf(error) === 400 ? await this.findByEmail(request.email) : null;
      if (raced) {
        return { subject: raced };
      }
      throw asUnavailable(error);
    }
  }

  async deleteUser(subject: string): Promise<void> {
    try {
      await this.client.deleteUser(subject);
    } catch (error) {
      if (statusOf(error) !== 404) {
        throw asUnavailable(error);
      }
    }
  }

  private async findByEmail(email: string): Promise<string | null> {
    try {
      const response = await this.client.retrieveUserByEmail(email);
      return response.response.user?.id ?? null;
    } catch (error) {
      if (statusOf(error) === 404) {
        return null;
      }
      throw asUnavailable(error);
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function asUnavailable(error: unknown): DomainError {
  if (error instanceof DomainError) {
    return error;
  }
  const status = statusOf(error);
  return new IdentityProviderUnavailable(
    status
      ? `FusionAuth answered ${status}`
      : `FusionAuth could not be reached: ${String((error as Error)?.message ?? error)}`,
  );
}
