/**
 * A small RFC 6265 cookie jar for driving browser-style flows with `fetch` (tests and scripts).
 *
 * Respects Domain (host-only vs. domain cookies), Path (default-path and path-match), Secure
 * (not sent over http, except to loopback hosts, which browsers treat as secure contexts),
 * Max-Age (wins over Expires) and Expires, and deletion (Max-Age <= 0 or an Expires in the past).
 * SameSite is not enforced: every request made through the jar counts as a top-level navigation.
 */

interface StoredCookie {
  name: string;
  value: string;
  /** lower-case, no leading dot */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  /** epoch ms; `undefined` = session cookie */
  expiresAt: number | undefined;
  /** insertion order, for stable ordering of equal-length paths */
  seq: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/** RFC 6265 §5.1.4 default-path of a request URL. */
function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/')) return '/';
  const lastSlash = path.lastIndexOf('/');
  if (lastSlash <= 0) return '/';
  return path.slice(0, lastSlash);
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

/** RFC 6265 §5.1.3 domain-match. */
function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return !isIpAddress(host) && host.endsWith(`.${domain}`);
}

export class CookieJar {
  #cookies = new Map<string, StoredCookie>();
  #seq = 0;
  /** Clock used for Max-Age/Expires, overridable for tests of expiry. */
  readonly now: () => number;

  constructor(opts: { now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
  }

  /** Stores the `Set-Cookie` header values of a response to a request for `url`. */
  store(url: string | URL, setCookieHeaders: string[]): void {
    const requestUrl = new URL(url);
    for (const header of setCookieHeaders) this.#storeOne(requestUrl, header);
  }

  /** The `Cookie` request header value for `url` ('' when no cookie applies). */
  header(url: string | URL): string {
    return this.cookiesFor(url)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The cookies that would be sent to `url`, most specific path first. */
  cookiesFor(url: string | URL): { name: string; value: string; path: string; domain: string }[] {
    const target = new URL(url);
    const host = target.hostname.toLowerCase();
    const secureChannel = target.protocol === 'https:' || LOOPBACK_HOSTS.has(host);
    const now = this.now();
    const matching: StoredCookie[] = [];
    for (const [key, cookie] of this.#cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) {
        this.#cookies.delete(key);
        continue;
      }
      if (cookie.hostOnly ? host !== cookie.domain : !domainMatches(host, cookie.domain)) continue;
      if (!pathMatches(target.pathname || '/', cookie.path)) continue;
      if (cookie.secure && !secureChannel) continue;
      matching.push(cookie);
    }
    matching.sort((a, b) => b.path.length - a.path.length || a.seq - b.seq);
    return matching.map(({ name, value, path, domain }) => ({ name, value, path, domain }));
  }

  /** The value of the first cookie named `name` that would be sent to `url`. */
  get(url: string | URL, name: string): string | undefined {
    return this.cookiesFor(url).find((c) => c.name === name)?.value;
  }

  /** Number of live cookies in the jar (all domains and paths). */
  get size(): number {
    const now = this.now();
    let n = 0;
    for (const c of this.#cookies.values()) if (c.expiresAt === undefined || c.expiresAt > now) n++;
    return n;
  }

  clear(): void {
    this.#cookies.clear();
  }

  #storeOne(requestUrl: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return; // nameless cookies are ignored
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!name) return;

    const host = requestUrl.hostname.toLowerCase();
    let domain: string | undefined;
    let path: string | undefined;
    let secure = false;
    let httpOnly = false;
    let maxAge: number | undefined;
    let expires: number | undefined;

    for (const attribute of attributes) {
      const i = attribute.indexOf('=');
      const key = (i === -1 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
      const val = i === -1 ? '' : attribute.slice(i + 1).trim();
      switch (key) {
        case 'domain': {
          const d = val.replace(/^\./, '').toLowerCase();
          if (d) domain = d;
          break;
        }
        case 'path':
          path = val.startsWith('/') ? val : undefined;
          break;
        case 'secure':
          secure = true;
          break;
        case 'httponly':
          httpOnly = true;
          break;
        case 'max-age':
          if (/^-?\d+$/.test(val)) maxAge = Number(val);
          break;
        case 'expires': {
          const t = Date.parse(val);
          if (!Number.isNaN(t)) expires = t;
          break;
        }
        default:
          break;
      }
    }

    let hostOnly = true;
    if (domain !== undefined) {
      if (!domainMatches(host, domain)) return; // a server may not set cookies for another domain
      hostOnly = false;
    } else {
      domain = host;
    }
    // A secure cookie may only be set from a secure channel (loopback counts as one).
    if (secure && requestUrl.protocol !== 'https:' && !LOOPBACK_HOSTS.has(host)) return;

    const now = this.now();
    let expiresAt: number | undefined;
    if (maxAge !== undefined) expiresAt = maxAge <= 0 ? 0 : now + maxAge * 1000;
    else if (expires !== undefined) expiresAt = expires;

    const cookiePath = path ?? defaultPath(requestUrl);
    const key = `${domain}\u0000${cookiePath}\u0000${name}`;
    if (expiresAt !== undefined && expiresAt <= now) {
      this.#cookies.delete(key);
      return;
    }
    const previous = this.#cookies.get(key);
    this.#cookies.set(key, {
      name,
      value,
      domain,
      hostOnly,
      path: cookiePath,
      secure,
      httpOnly,
      expiresAt,
      seq: previous?.seq ?? this.#seq++,
    });
  }
}

export interface FetchFollowOptions {
  /** Checked before each redirect is followed; when true, the redirect is NOT requested and its URL is returned. */
  stopAt?: (url: URL) => boolean;
  /** Maximum number of redirects to follow (default 20). */
  maxHops?: number;
}

export interface FetchFollowResult {
  /** The last response received (the redirect response itself when `stopAt` stopped the chain). */
  response: Response;
  /** The URL of `response`, or the Location it redirects to when `stopAt` stopped the chain. */
  url: URL;
  /** True when the chain was stopped by `stopAt` (then `url` was not requested). */
  stopped: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * `fetch` with `redirect: 'manual'`, following redirects itself so that every hop stores its cookies
 * in `jar` and sends the cookies that apply to it. 301/302/303 turn a non-GET/HEAD request into a GET
 * without a body (what browsers do); 307/308 repeat the method and body.
 */
export async function fetchFollow(
  jar: CookieJar,
  url: string | URL,
  init: RequestInit = {},
  { stopAt, maxHops = 20 }: FetchFollowOptions = {},
): Promise<FetchFollowResult> {
  let current = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  const baseHeaders = new Headers(init.headers);

  for (let hop = 0; ; hop++) {
    const headers = new Headers(baseHeaders);
    const cookie = jar.header(current);
    if (cookie) headers.set('cookie', cookie);
    else headers.delete('cookie');

    const requestInit: RequestInit = { ...init, method, headers, redirect: 'manual' };
    if (body === undefined || body === null) delete requestInit.body;
    else requestInit.body = body;

    const response = await fetch(current, requestInit);
    jar.store(current, response.headers.getSetCookie());

    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) {
      return { response, url: current, stopped: false };
    }

    const next = new URL(location, current);
    if (stopAt?.(next)) return { response, url: next, stopped: true };

    if (hop >= maxHops) {
      await response.body?.cancel();
      throw new Error(`fetchFollow: more than ${maxHops} redirects (last: ${next.href})`);
    }
    await response.body?.cancel();

    if (
      response.status === 303
        ? method !== 'HEAD'
        : (response.status === 301 || response.status === 302) && method !== 'GET' && method !== 'HEAD'
    ) {
      method = 'GET';
      body = undefined;
      baseHeaders.delete('content-type');
      baseHeaders.delete('content-length');
    }
    current = next;
  }
}
