import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/**
 * The Twilio SDK's own HTTP client, sending every request to `baseUrl` instead of `https://*.twilio.com` (the
 * SDK has no base-URL option). Used only to reach a local stand-in; paths, auth and bodies are unchanged.
 */
export class RedirectingRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(baseUrl: string, options: ConstructorParameters<typeof twilio.RequestClient>[0] = {}) {
    super(options);
    this.base = baseUrl.replace(/\/$/, '');
  }

  override request<TData>(opts: RequestOptions<TData>) {
    return super.request<TData>({
      ...opts,
      uri: opts.uri.replace(/^https:\/\/[a-z0-9.-]*twilio\.com/i, this.base),
    });
  }
}
