import { type Dispatcher, fetch, type RequestInit, type Response } from 'undici';

/** `fetch` as the guarded callers use it: the dispatcher and the redirect policy are not theirs to choose. */
export type GuardedFetch = (url: string, init: Omit<RequestInit, 'dispatcher' | 'redirect'>) => Promise<Response>;

/**
 * The fetch for every request to an address a tenant or the catalog names (provider token,
 * refresh, revocation and client-credentials calls, webhook deliveries), through the one guarded
 * dispatcher of the process (see `createGuardedDispatcher`, built in app/services.ts).
 *
 * It is undici's own `fetch`, because it must match the dispatcher's undici version (Node's
 * global `fetch` bundles another copy). Redirects are never followed, whatever the caller asks:
 * a 3xx would carry the request's credentials to a host nobody configured, so the caller gets the
 * 3xx itself and treats it as the answer.
 */
export function guardedFetch(dispatcher: Dispatcher): GuardedFetch {
  return (url, init) => fetch(url, { ...init, redirect: 'manual', dispatcher });
}
