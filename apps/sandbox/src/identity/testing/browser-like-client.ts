/**
 * Just enough of a browser for driving the sign-in over HTTP with fetch: a cookie jar (name, value, path)
 * and manual redirects, so a test sees every hop.
 */
export class BrowserLikeClient {
  private readonly cookies = new Map<string, { readonly value: string; readonly path: string }>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(url, { method: 'GET', headers });
  }

  async postForm(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects until a page answers or the next hop leaves `stopAtOrigin`'s host (e.g. the SPA). */
  async follow(
    response: Response,
    from: string,
    stopAtOrigin?: string,
  ): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = from;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || location === null) {
        return { response: current, url };
      }
      url = new URL(location, url).href;
      if (stopAtOrigin !== undefined && url.startsWith(stopAtOrigin)) {
        return { response: current, url };
      }
      current = await this.get(url);
    }
    throw new Error(`too many redirects from ${from}`);
  }

  private async send(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<Response> {
    const cookie = this.cookieHeader(new URL(url).pathname);
    const response = await fetch(url, {
      ...init,
      headers: { ...init.headers, ...(cookie === '' ? {} : { cookie }) },
      redirect: 'manual',
    });
    this.store(response.headers.getSetCookie());
    return response;
  }

  private cookieHeader(path: string): string {
    return [...this.cookies]
      .filter(([, cookie]) => path.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private store(setCookies: readonly string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string) =>
        attributes.find((item) => item.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute('expires');
      const expired =
        attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (value === '' || expired) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, { value, path: attribute('path') ?? '/' });
      }
    }
  }
}
