import type { FastifyInstance } from 'fastify';

export interface PageResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  html: string;
  location: string | undefined;
}

/**
 * A browser stand-in for the dashboard over `app.inject`: keeps the cookies it is given (by name,
 * deleting on Max-Age=0), posts forms as application/x-www-form-urlencoded, and reads the CSRF
 * token out of a page like a browser submitting its form would.
 */
export class DashboardClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    /** The client address the server sees (the sign-in limit is per address). */
    readonly remoteAddress = '127.0.0.1',
  ) {}

  get(url: string): Promise<PageResponse> {
    return this.send('GET', url);
  }

  post(url: string, fields: Record<string, string>): Promise<PageResponse> {
    return this.send('POST', url, new URLSearchParams(fields).toString());
  }

  /** Opens `pageUrl`, then posts `fields` to `action` with that page's CSRF token (unless given one). */
  async submit(pageUrl: string, action: string, fields: Record<string, string>): Promise<PageResponse> {
    const page = await this.get(pageUrl);
    return this.post(action, { csrf_token: csrfTokenOf(page.html), ...fields });
  }

  async signIn(username: string, password: string): Promise<PageResponse> {
    return this.submit('/dashboard/sign-in', '/dashboard/sign-in', { username, password });
  }

  private async send(method: 'GET' | 'POST', url: string, payload?: string): Promise<PageResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    const setCookie = res.headers['set-cookie'];
    for (const line of setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    const location = res.headers.location;
    return { status: res.statusCode, headers: res.headers, html: res.body, location: typeof location === 'string' ? location : undefined };
  }
}

/** The CSRF token of the first form on a page. */
export function csrfTokenOf(html: string): string {
  const m = /name="csrf_token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no csrf_token on the page:\n${html.slice(0, 2000)}`);
  return m[1]!;
}
