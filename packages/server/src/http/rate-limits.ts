import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { type AppError, rateLimited } from '../core/errors.ts';
import { errorPage, FLOW_PAGE_CSP, FLOW_PAGE_HEADERS } from '../web/flow-pages.ts';
import { sendError } from './error-handler.ts';
import { WindowCounter } from './rate-limit-store.ts';
import { toArray } from './route-hooks.ts';

/** Requests per minute; 0 turns a limit off (docs/security.md §19). */
export interface RateLimits {
  /** Per API key, on the API. */
  readonly apiPerMinute: number;
  /**
   * Per client address, on the browser-facing routes; API requests without a valid key are counted
   * per address against the same number, in a count of their own.
   */
  readonly browserPerMinute: number;
}

/**
 * Which proxies' `X-Forwarded-For` gives the client address the per-address limits count by
 * (Fastify's `trustProxy`): none (false: the connection's address), any (true), or the proxies'
 * addresses and CIDR ranges.
 */
export type TrustProxy = boolean | string[];

/** Far above what an application or a person does; `npm run bench` raises the API limit explicitly. */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({ apiPerMinute: 60_000, browserPerMinute: 600 });

const WINDOW_MS = 60_000;

/** Counts a request in its bucket: the refusal to answer with when the bucket is over its limit, else null. */
export type Limiter = (request: FastifyRequest) => AppError | null;

/** What the API key check applies: per key once the key is known, per address when it is missing or wrong. */
export interface ApiLimiters {
  perKey?: Limiter;
  perAddress?: Limiter;
}

/**
 * The browser-facing entry points (route patterns), limited per client address, and how each
 * answers a refusal: the pages with an HTML page like the flow's other errors, the widget API
 * (whose requests are counted after the widget-token check, so the 429 carries CORS headers) with
 * the JSON error body.
 */
const BROWSER_ROUTES: ReadonlyMap<string, 'page' | 'json'> = new Map([
  ['/data-integrations/:link/authorize-redirect', 'page'],
  ['/data-integrations/:slug/:key/callback', 'page'],
  ['/widgets/pipes', 'page'],
  ['/widgets/pipes-admin', 'page'],
  ['/dashboard/sign-in', 'page'],
]);
const WIDGET_API_PREFIX = '/_widgets/';

const answerOf = (url: string): 'page' | 'json' | undefined =>
  BROWSER_ROUTES.get(url) ?? (url.startsWith(WIDGET_API_PREFIX) ? 'json' : undefined);

const sendPage = (reply: FastifyReply, err: AppError): FastifyReply => {
  const seconds = err.extra?.retry_after as number;
  return reply
    .code(429)
    .headers(FLOW_PAGE_HEADERS)
    .header('content-security-policy', FLOW_PAGE_CSP)
    .header('retry-after', String(seconds))
    .type('text/html; charset=utf-8')
    .send(errorPage('Too many requests', `Too many requests came from your address. Wait ${seconds} seconds, then try again.`));
};

/** A client address as @fastify/rate-limit keys it: IPv6 by its /64, IPv4-mapped IPv6 as IPv4. */
const address = (request: FastifyRequest): string => normalizeIP(request.ip);

/**
 * Rate limits in fixed one-minute windows, counted in this process's memory (the README says what
 * that means behind a load balancer): no database round trip, and on the vend path one synchronous
 * count. Call before any route is registered: browser routes get their limit as they are added.
 * Returns the limiters the API key check applies.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): ApiLimiters {
  const limiter = (max: number, from: 'api_key' | 'address', keyOf: (request: FastifyRequest) => string): Limiter | undefined => {
    if (max === 0) return undefined;
    const counter = new WindowCounter(max, WINDOW_MS);
    return (request) => {
      const wait = counter.hit(keyOf(request));
      return wait > 0 ? rateLimited(wait, from) : null;
    };
  };

  const browser = limiter(limits.browserPerMinute, 'address', address);
  if (browser) {
    const guards: Record<'page' | 'json', onRequestAsyncHookHandler> = {
      page: async (request, reply) => {
        const refusal = browser(request);
        if (refusal) return sendPage(reply, refusal);
      },
      json: async (request, reply) => {
        const refusal = browser(request);
        if (refusal) return sendError(reply, refusal);
      },
    };
    // A route-level hook runs after the scope's own hooks, and only browser routes pay for it.
    app.addHook('onRoute', (route) => {
      const answer = answerOf(route.url);
      if (answer) route.onRequest = [...toArray(route.onRequest), guards[answer]] as NonNullable<typeof route.onRequest>;
    });
  }

  const perKey = limiter(limits.apiPerMinute, 'api_key', (request) => request.principal.apiKeyId);
  const perAddress = limiter(limits.browserPerMinute, 'address', address);
  return { ...(perKey ? { perKey } : {}), ...(perAddress ? { perAddress } : {}) };
}
