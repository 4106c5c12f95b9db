import { expect } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import type { Harness } from './harness.ts';
import type { OidcServer } from './oidc-server.ts';

export interface InjectedResponse {
  status: number;
  location: string | null;
  body: string;
  setCookies: string[];
}

/** A request to the OpenPipes app as a browser makes it (no API key), keeping cookies in `jar`. */
export async function browse(
  h: Harness,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string>,
): Promise<InjectedResponse> {
  const u = new URL(url);
  const cookie = jar.header(u);
  const res = await h.app.inject({
    method,
    url: `${u.pathname}${u.search}`,
    headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
  });
  const raw = res.headers['set-cookie'];
  const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  jar.store(u, setCookies);
  return { status: res.statusCode, location: (res.headers.location as string | undefined) ?? null, body: res.body, setCookies };
}

/** What the opening window hands over for a handoff-bound flow (widgets-api.md §8.3). */
export interface Handoff {
  token: string;
  origin: string;
}

/** Opens an R12 link and presses Continue; returns the provider URL the browser is sent to. */
export async function openAndContinue(h: Harness, jar: CookieJar, link: string, handoff?: Handoff): Promise<string> {
  const page = await browse(h, jar, 'GET', link);
  expect(page.status, page.body).toBe(200);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.body)?.[1];
  expect(csrf).toBeDefined();
  const handedOver = handoff ? { handoff_token: handoff.token, opener_origin: handoff.origin } : {};
  const go = await browse(h, jar, 'POST', link, { csrf_token: csrf!, ...handedOver });
  expect(go.status, go.body).toBe(303);
  return go.location!;
}

/** The whole browser journey: link → confirmation → provider login and consent → callback. */
export async function connectThroughBrowser(
  h: Harness,
  oidc: OidcServer,
  link: string,
  opts: { account?: string; deny?: boolean; jar?: CookieJar; handoff?: Handoff } = {},
): Promise<{ callback: string; final: InjectedResponse; jar: CookieJar }> {
  const jar = opts.jar ?? new CookieJar();
  const providerUrl = await openAndContinue(h, jar, link, opts.handoff);
  const callback = await oidc.login(providerUrl, new CookieJar(), {
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.deny ? { deny: true } : {}),
  });
  const final = await browse(h, jar, 'GET', callback);
  return { callback, final, jar };
}
