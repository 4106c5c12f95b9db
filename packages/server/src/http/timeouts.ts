import type { ServerOptions } from 'node:http';

/**
 * Deadlines for inbound connections (docs/security.md §H): a client that sends its request slowly
 * or never finishes it is cut off, so idle sockets cannot pile up (with or without an API key,
 * since the body is read before the route runs).
 */
export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this; otherwise 408 and the socket closes. */
  readonly requestMs: number;
  /** The request headers must arrive within this (at most `requestMs`). */
  readonly headersMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveMs: number;
}

/**
 * Keep-alive stays above the 60 s idle timeout of common load balancers, so the balancer, not
 * OpenPipes, closes an idle connection (otherwise a request can race the close and get a 502).
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = Object.freeze({ requestMs: 30_000, headersMs: 10_000, keepAliveMs: 72_000 });

/** Fastify's options for them. Node checks the deadlines on a timer; it runs often enough that a deadline is kept to within a quarter. */
export function timeoutOptions(t: HttpTimeouts): { requestTimeout: number; keepAliveTimeout: number; http: ServerOptions } {
  const headersMs = Math.min(t.headersMs, t.requestMs);
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    // Node's own options: requestTimeout again because Node checks headersTimeout against it when
    // the server is made, before Fastify sets the one above.
    http: {
      requestTimeout: t.requestMs,
      headersTimeout: headersMs,
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(headersMs / 4))),
    },
  };
}
