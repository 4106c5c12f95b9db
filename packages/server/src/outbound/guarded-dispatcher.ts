import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { isForbiddenAddress } from './address-policy.ts';
import { ForbiddenAddressError } from './forbidden-address-error.ts';
import { createGuardedLookup, type GuardedLookupOptions } from './guarded-lookup.ts';

export { ForbiddenAddressError };

/**
 * The dispatcher for every request to an address a tenant configured (webhook endpoints, custom
 * provider URLs). It refuses to connect to loopback, private, link-local, unique-local, multicast
 * and unspecified addresses (docs/security.md B), judged on the address the socket actually
 * connects to, unless `allowInsecure` (`OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true`).
 *
 * Use it with undici's own `fetch`: `import { fetch } from 'undici'; fetch(url, { dispatcher })`.
 * Node's global `fetch` is a different undici copy, and may reject or mishandle a dispatcher from
 * another major version. Each new origin, including one reached by a redirect, connects through
 * this guard; callers that must not follow redirects at all still pass `redirect: 'manual'`.
 *
 * Names are checked by the filtering lookup. IP-literal hosts (`http://10.0.0.5/`) never reach a
 * lookup (Node connects to them directly), so the connector checks them itself before connecting.
 */
export function createGuardedDispatcher(opts: GuardedLookupOptions): Agent {
  const connect = buildConnector({ lookup: createGuardedLookup(opts) });
  return new Agent({
    connect: (options, callback) => {
      // undici passes IPv6 literals without brackets; strip them anyway rather than rely on it.
      const host = options.hostname.startsWith('[') ? options.hostname.slice(1, -1) : options.hostname;
      if (!opts.allowInsecure && isIP(host) !== 0 && isForbiddenAddress(host)) {
        callback(new ForbiddenAddressError(host, host), null);
        return;
      }
      connect(options, callback);
    },
  });
}
