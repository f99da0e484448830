import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './problem';
import type { paths } from './schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiClientOptions {
  readonly baseUrl: string;
  /** The current access token, or null when signed out. */
  readonly getAccessToken: () => Promise<string | null>;
  /** Called when the API answers 401, so the session can end. */
  readonly onUnauthorised: () => void;
}

let client: ApiClient | null = null;

/** Creates the one API client, generated from the OpenAPI document. Called once at boot. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  client = createClient<paths>({ baseUrl: options.baseUrl, headers: { Accept: 'application/json' } });
  client.use(bearerToken(options.getAccessToken), problems(options.onUnauthorised));
  return client;
}

export function api(): ApiClient {
  if (!client) {
    throw new Error('API client is not created yet: call createApiClient() at boot');
  }
  return client;
}

/**
 * The data of a call. Failed calls never get here: the problems middleware throws an ApiError,
 * so callers catch one kind of error and read `fieldErrors` for their form.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const result = await call;
  if (!result.response.ok) {
    throw await ApiError.fromResponse(result.response);
  }
  return result.data as T;
}

function bearerToken(getAccessToken: () => Promise<string | null>): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getAccessToken();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
  };
}

function problems(onUnauthorised: () => void): Middleware {
  return {
    async onResponse({ response }) {
      if (response.ok) {
        return undefined;
      }
      const error = await ApiError.fromResponse(response);
      if (response.status === 401) {
        onUnauthorised();
      }
      throw error;
    },
    onError({ error }) {
      return error instanceof ApiError ? error : ApiError.network();
    },
  };
}
