/**
 * Runtime configuration, fetched from `/config.json` at boot so one build serves every environment
 * (scripts/serve-web.ts answers it; in production the CDN or ingress does).
 */
export interface AppConfig {
  /** Origin of the API, without `/api/v1` (the paths in the OpenAPI document carry it). */
  readonly apiUrl: string;
  readonly oidcIssuer: string;
  readonly oidcClientId: string;
}

let loaded: AppConfig | null = null;

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', {
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}`);
  }
  const body: unknown = await response.json();
  loaded = parseConfig(body);
  return loaded;
}

export function getConfig(): AppConfig {
  if (!loaded) {
    throw new Error('Configuration is not loaded yet: call loadConfig() first');
  }
  return loaded;
}

function parseConfig(body: unknown): AppConfig {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const read = (key: keyof AppConfig): string => {
    const value = record[key];
    if (typeof value !== 'string' || value === '') {
      throw new Error(`/config.json has no ${key}`);
    }
    return value;
  };
  return {
    apiUrl: read('apiUrl').replace(/\/+$/, ''),
    oidcIssuer: read('oidcIssuer'),
    oidcClientId: read('oidcClientId'),
  };
}
