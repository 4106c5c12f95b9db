import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { RouteSpec } from './route-inventory.ts';
import { hostileValue, validValue, type Hints } from './schema-arbitrary.ts';

/** Who the caller claims to be, per part of the app (each answers a different credential). */
export interface FuzzCredentials {
  apiKey: string;
  widgetToken: string;
  /** `name=value` of the dashboard session cookie. */
  dashboardCookie: string;
}

/** The part of the app a route belongs to: decides the credential and the body encoding a real client uses. */
export type RouteFamily = 'api' | 'widgets' | 'dashboard' | 'flow' | 'public';

export function familyOf(route: Pick<RouteSpec, 'url'>): RouteFamily {
  if (route.url.startsWith('/_widgets')) return 'widgets';
  if (route.url.startsWith('/dashboard')) return 'dashboard';
  if (/\/authorize-redirect$|\/callback$/.test(route.url)) return 'flow';
  if (/^\/(health|openapi\.json|docs|pipes\/|widgets\/(pipes|embed|assets))/.test(route.url)) return 'public';
  return 'api';
}

/** Browser pages (HTML forms) post url-encoded; everything else speaks JSON. */
const postsForms = (family: RouteFamily) => family === 'dashboard' || family === 'flow';

const BAD_AUTHORIZATION = [
  '',
  'Bearer',
  'Bearer ',
  'bearer sk_test_x',
  'Basic dXNlcjpwYXNz',
  `Bearer sk_test_${'0'.repeat(49)}`,
  'Bearer \u0000',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json, text/plain',
  '',
];

function headersFor(family: RouteFamily, creds: FuzzCredentials, goodAuth: boolean, authIndex: number): Record<string, string> {
  if (!goodAuth) return { authorization: BAD_AUTHORIZATION[authIndex % BAD_AUTHORIZATION.length]! };
  switch (family) {
    case 'api':
      return { authorization: `Bearer ${creds.apiKey}` };
    case 'widgets':
      return { authorization: `Bearer ${creds.widgetToken}`, 'workos-widgets-version': '1' };
    case 'dashboard':
      return { cookie: creds.dashboardCookie };
    default:
      return {};
  }
}

/** A query/path value is text: non-strings the generator made are sent as their JSON (or String) form. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/**
 * Percent-encoding of a path segment that, unlike encodeURIComponent, accepts lone surrogates
 * (the generator makes them): the text is taken as its UTF-8 bytes, which is what goes on the wire.
 */
const encodeSegment = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

/** Form encoding of a flat object; nested values are sent as their JSON text (what a broken client might do). */
const formEncode = (body: Record<string, unknown>): string => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) out.append(k, asText(v));
  return out.toString();
};

/**
 * Requests for one route, generated from its schemas: path parameters, query (duplicated keys when a
 * value is an array) and body, each valid-shaped or mutated; sometimes the wrong content type or bad
 * credentials. `route.url`'s `:params` are filled in, URL-encoded.
 */
export function requestsFor(route: RouteSpec, creds: FuzzCredentials, hints: Hints): fc.Arbitrary<InjectOptions> {
  const family = familyOf(route);
  const paramNames = [...route.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
  const paramProps: Record<string, any> = route.schema.params?.properties ?? {};
  const params = fc.tuple(
    ...paramNames.map((name) => {
      const s = paramProps[name] ?? { type: 'string' };
      return fc.oneof({ weight: 3, arbitrary: validValue(s, hints, name) }, { weight: 1, arbitrary: hostileValue(s, hints, name) });
    }),
  );
  const query = route.schema.querystring
    ? fc.option(hostileValue(route.schema.querystring, hints), { nil: undefined, freq: 4 })
    : fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }), { nil: undefined });
  const body = route.schema.body
    ? fc.option(hostileValue(route.schema.body, hints), { nil: undefined, freq: 8 })
    : fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined, freq: 2 });
  return fc
    .record({
      params,
      query,
      body,
      // One request in ten carries a bad credential (the refusal path); the rest get past authentication.
      goodAuth: fc.nat({ max: 9 }).map((n) => n > 0),
      authIndex: fc.nat(),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 6 }),
    })
    .map(({ params: values, query: q, body: b, goodAuth, authIndex, contentType }) => {
      let i = 0;
      const path = route.url.replace(/:([A-Za-z_]+)/g, () => encodeSegment(asText(values[i++])));
      const search = new URLSearchParams();
      if (q !== undefined && q !== null && typeof q === 'object' && !Array.isArray(q)) {
        for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) search.append(k, asText(one));
      } else if (q !== undefined) search.append('q', asText(q));
      const qs = search.toString();
      const headers = headersFor(family, creds, goodAuth, authIndex);
      const options: InjectOptions = { method: route.method as 'GET', url: `${path}${qs ? `?${qs}` : ''}`, headers };
      if (b !== undefined && route.method !== 'GET' && route.method !== 'HEAD') {
        const form = postsForms(family) && b !== null && typeof b === 'object' && !Array.isArray(b);
        headers['content-type'] = contentType ?? (form ? 'application/x-www-form-urlencoded' : 'application/json');
        options.payload = form ? formEncode(b as Record<string, unknown>) : JSON.stringify(b);
      }
      return options;
    });
}
