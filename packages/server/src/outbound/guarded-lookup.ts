import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from './address-policy.ts';
import { ForbiddenAddressError } from './forbidden-address-error.ts';

export interface GuardedLookupOptions {
  /** `OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS=true`: resolve as usual and refuse nothing (local testing). */
  allowInsecure: boolean;
  /** The resolver to guard; `dns.lookup` unless a test injects its own. */
  lookup?: LookupFunction;
}

/**
 * A `lookup` for `net.connect`/`tls.connect` that refuses to hand over a forbidden address. The
 * socket connects to exactly the addresses this function returns, so checking them here checks
 * the address actually connected: a name that resolved to a public address when the URL was
 * saved and to 10.0.0.5 now (DNS rebinding) is refused now. Every new connection resolves again.
 *
 * It always asks for every address (`all: true`) and refuses if any one is forbidden, rather than
 * dropping the bad ones: a name that mixes public and private answers is not a public service,
 * and Node's happy-eyeballs would otherwise try them in turn.
 */
export function createGuardedLookup(opts: GuardedLookupOptions): LookupFunction {
  const resolve: LookupFunction = opts.lookup ?? dnsLookup;
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, answer, family) => {
      if (err) {
        callback(err, []);
        return;
      }
      // An injected resolver may ignore `all` and answer with one address.
      const addresses: LookupAddress[] = typeof answer === 'string' ? [{ address: answer, family: family ?? isIP(answer) }] : answer;
      const first = addresses[0];
      if (first === undefined) {
        callback(Object.assign(new Error(`No address found for ${hostname}.`), { code: 'ENOTFOUND', hostname }), []);
        return;
      }
      const forbidden = opts.allowInsecure ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (forbidden !== undefined) {
        callback(new ForbiddenAddressError(hostname, forbidden.address), []);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
