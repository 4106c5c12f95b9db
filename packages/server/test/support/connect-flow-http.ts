import { expect } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import { PUBLIC_URL } from './harness.ts';
import type { OidcServer } from './oidc-server.ts';

/**
 * The browser journey of connect-flow.ts over real HTTP, for a harness listening on a port
 * (listen.ts). Links minted by the service are on the harness PUBLIC_URL (https://pipes.test);
 * they are requested at the listening origin instead (same path and query), as a reverse proxy
 * in front of the service would do. Cookies are kept per listening origin in the jar.
 */

export interface HttpBrowserResponse {
  status: number;
  location: string | null;
  body: string;
}

/** `https://pipes.test/<path>?<query>` → `<baseUrl>/<path>?<query>`; anything else is refused. */
export function toListeningUrl(url: string, baseUrl: string): URL {
  const u = new URL(url);
  const pub = new URL(PUBLIC_URL);
  if (u.origin !== pub.origin) throw new Error(`not a URL of the service (${PUBLIC_URL}): ${url}`);
  return new URL(`${u.pathname}${u.search}`, baseUrl);
}

/** One browser request to the listening service (no API key, no redirect following). */
export async function browseHttp(
  baseUrl: string,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
): Promise<HttpBrowserResponse> {
  const target = toListeningUrl(url, baseUrl);
  const cookie = jar.header(target);
  const res = await fetch(target, {
    method,
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.store(target, res.headers.getSetCookie());
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

/** Opens an R12 link, checks the confirmation page and presses Continue; returns the provider URL. */
export async function openAndContinueHttp(baseUrl: string, jar: CookieJar, link: string): Promise<string> {
  const page = await browseHttp(baseUrl, jar, 'GET', link);
  expect(page.status, page.body).toBe(200);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.body)?.[1];
  expect(csrf).toBeDefined();
  const go = await browseHttp(baseUrl, jar, 'POST', link, { csrf_token: csrf! });
  expect(go.status, go.body).toBe(303);
  expect(go.location).not.toBeNull();
  return go.location!;
}

/** link → confirmation → provider login and consent → callback, all over real HTTP. */
export async function connectThroughBrowserHttp(
  baseUrl: string,
  oidc: OidcServer,
  link: string,
  opts: { account?: string; deny?: boolean; jar?: CookieJar } = {},
): Promise<{ providerUrl: string; callback: string; final: HttpBrowserResponse; jar: CookieJar }> {
  const jar = opts.jar ?? new CookieJar();
  const providerUrl = await openAndContinueHttp(baseUrl, jar, link);
  const callback = await oidc.login(providerUrl, new CookieJar(), {
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.deny ? { deny: true } : {}),
  });
  const final = await browseHttp(baseUrl, jar, 'GET', callback);
  return { providerUrl, callback, final, jar };
}
