import ipaddr from 'ipaddr.js';

/**
 * Which destinations a tenant-configured URL may never reach (docs/security.md B, SSRF): the
 * service's own host, its private network and the cloud metadata endpoint all sit behind these.
 *
 * The ranges come from `ipaddr.js` rather than a hand-written list, so the IANA special-purpose
 * blocks (loopback, RFC 1918, link-local, unique-local, multicast, unspecified, CGNAT, NAT64,
 * 6to4, documentation …) are covered without us keeping CIDRs up to date. The rule is an allow
 * list: anything `ipaddr.js` does not call plain `unicast` is refused.
 */

/**
 * True when `ip` must not be connected to: anything other than public unicast. `ipaddr.process`
 * turns IPv4-mapped IPv6 (`::ffff:127.0.0.1`) into the IPv4 address it carries, so the mapped
 * form of a private address is judged as that address. Text that is not an IP address at all is
 * refused too: this guards connections, and failing closed is the safe answer to a surprise.
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(bare);
  } catch {
    return true;
  }
  if (address.range() !== 'unicast') return true;
  // `ipaddr.js` has no range for the deprecated IPv4-compatible block ::/96 (`::7f00:1`), which
  // some stacks still route to the embedded IPv4 address; no public service lives there.
  if (
    address.kind() === 'ipv6' &&
    address
      .toByteArray()
      .slice(0, 12)
      .every((byte) => byte === 0)
  )
    return true;
  return false;
}

/**
 * True for host names that name the service's own machine or its platform's internal network
 * by convention, so they are refused at configuration without asking DNS: `localhost` and
 * `*.localhost` (RFC 6761 always resolve to loopback), `internal` and `*.internal` (reserved for
 * private use by ICANN; `metadata.google.internal` is the GCP metadata server). Case and
 * trailing dots (`localhost.`, the fully qualified spelling) do not matter.
 */
export function isInternalHostname(host: string): boolean {
  const name = host.toLowerCase().replace(/\.+$/, '');
  return INTERNAL_NAMES.has(name) || INTERNAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

const INTERNAL_NAMES = new Set(['localhost', 'internal', 'metadata.google.internal']);
const INTERNAL_SUFFIXES = ['.localhost', '.internal'];
